/* Fixed queries of the unit module (declared in unit_queries.h). */
#include "records.h"
