/**
 * @file ip/ip.h
 * @brief The umbrella header: include this to use libip.
 *
 * libip keeps Norwegian *individuell plan* and *koordinator* records. The
 * headers included here are the whole public contract; anything not
 * declared in `include/ip/` is not API.
 */
#ifndef IP_IP_H
#define IP_IP_H

#include "common.h"
#include "ident.h"
#include "store.h"
#include "session.h"
#include "person.h"
#include "unit.h"
#include "application.h"
#include "plan.h"
#include "participant.h"
#include "goal.h"
#include "measure.h"
#include "meeting.h"
#include "evaluation.h"
#include "revision.h"
#include "json.h"
#include "consent.h"
#include "audit.h"
#include "outbox.h"
#include "coordinator.h"
#include "complaint.h"
#include "due.h"

#endif
