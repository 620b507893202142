/* Fixed queries of the coordinator module (declared in coordinator_queries.h). */
#include "records.h"
#include "store/coordinator_queries.h"
