/* Fixed queries of the complaint module (declared in complaint_queries.h). */
#include "records.h"
#include "store/complaint_queries.h"
