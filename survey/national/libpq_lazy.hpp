// The PostgreSQL client library, loaded the first time an assessor's store on a server is opened
// (survey/base/lazy_library.hpp): the functions pg_connection.cpp calls, each typed by libpq-fe.h.
#pragma once
#include "survey/base/lazy_library.hpp"

#include <libpq-fe.h>

namespace sw::dyn {

SW_LAZY_LIBRARY(libpq, SW_SONAME_PQ, "the PostgreSQL client library libpq")

SW_LAZY_FORWARD(libpq, PQclear)
SW_LAZY_FORWARD(libpq, PQconnectdbParams)
SW_LAZY_FORWARD(libpq, PQerrorMessage)
SW_LAZY_FORWARD(libpq, PQexec)
SW_LAZY_FORWARD(libpq, PQexecParams)
SW_LAZY_FORWARD(libpq, PQfinish)
SW_LAZY_FORWARD(libpq, PQfreemem)
SW_LAZY_FORWARD(libpq, PQgetisnull)
SW_LAZY_FORWARD(libpq, PQgetlength)
SW_LAZY_FORWARD(libpq, PQgetResult)
SW_LAZY_FORWARD(libpq, PQgetvalue)
SW_LAZY_FORWARD(libpq, PQntuples)
SW_LAZY_FORWARD(libpq, PQputCopyData)
SW_LAZY_FORWARD(libpq, PQputCopyEnd)
SW_LAZY_FORWARD(libpq, PQresultErrorField)
SW_LAZY_FORWARD(libpq, PQresultErrorMessage)
SW_LAZY_FORWARD(libpq, PQresultStatus)
SW_LAZY_FORWARD(libpq, PQsetNoticeProcessor)
SW_LAZY_FORWARD(libpq, PQstatus)
SW_LAZY_FORWARD(libpq, PQunescapeBytea)

} // namespace sw::dyn
