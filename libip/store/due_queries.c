/* Fixed queries of the due module (declared in due_queries.h). */
#include "records.h"
#include "store/due_queries.h"
