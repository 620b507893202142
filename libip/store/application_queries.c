/* Fixed queries of the application module (declared in application_queries.h). */
#include "records.h"
