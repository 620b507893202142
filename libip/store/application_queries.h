/*
 * Fixed queries of the application module beyond the shared ones in
 * queries.h (SQL text in application_queries.c). The module needs none of
 * its own yet: applications, their requests and the overdue list are read
 * through ip__q_applications_* and ip__q_requests_of_application, and
 * written through the generic record operations of db.h.
 */
#ifndef IP_STORE_APPLICATION_QUERIES_H
#define IP_STORE_APPLICATION_QUERIES_H

#include "store/record.h"

#endif
