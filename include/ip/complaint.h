/**
 * @file ip/complaint.h
 * @brief (being written)
 */
#ifndef IP_COMPLAINT_H
#define IP_COMPLAINT_H

#include "common.h"
#include "session.h"

IP_BEGIN_DECL

IP_END_DECL

#endif
