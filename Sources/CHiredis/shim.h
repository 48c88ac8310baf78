#ifndef CONCIERGE_CHIREDIS_SHIM_H
#define CONCIERGE_CHIREDIS_SHIM_H
#include <hiredis/hiredis.h>
#endif
