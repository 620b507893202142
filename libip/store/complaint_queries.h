#ifndef IP_STORE_COMPLAINT_QUERIES_H
#define IP_STORE_COMPLAINT_QUERIES_H

#include "store/record.h"

#endif
