#ifndef IP_STORE_COORDINATOR_QUERIES_H
#define IP_STORE_COORDINATOR_QUERIES_H

#include "store/record.h"

#endif
