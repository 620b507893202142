/**
 * @file ip/due.h
 * @brief (being written)
 */
#ifndef IP_DUE_H
#define IP_DUE_H

#include "common.h"
#include "session.h"

IP_BEGIN_DECL

IP_END_DECL

#endif
