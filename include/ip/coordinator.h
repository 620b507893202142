/**
 * @file ip/coordinator.h
 * @brief (being written)
 */
#ifndef IP_COORDINATOR_H
#define IP_COORDINATOR_H

#include "common.h"
#include "session.h"

IP_BEGIN_DECL

IP_END_DECL

#endif
