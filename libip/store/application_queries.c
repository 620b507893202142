/* Fixed queries of the application module (declared in application_queries.h;
 * none yet beyond the shared ones of queries.c). */
#include "records.h"
#include "store/application_queries.h"
