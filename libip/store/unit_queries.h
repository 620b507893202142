#ifndef IP_STORE_UNIT_QUERIES_H
#define IP_STORE_UNIT_QUERIES_H

#include "store/record.h"

/* The unit and practitioner modules need no queries beyond the shared ones
 * of queries.h (ip__q_units_all, ip__q_practitioners_of_unit,
 * ip__q_unit_exists); new ones of theirs go here. */

#endif
