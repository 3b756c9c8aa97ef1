// libcurl, loaded the first time a unit sends a bundle (survey/base/lazy_library.hpp): the functions
// http_client.cpp calls, each typed by curl/curl.h.
#pragma once
#include "survey/base/lazy_library.hpp"

#include <curl/curl.h>

namespace sw::dyn {

SW_LAZY_LIBRARY(libcurl, SW_SONAME_CURL, "the HTTP client library libcurl")

SW_LAZY_FORWARD(libcurl, curl_easy_cleanup)
SW_LAZY_FORWARD(libcurl, curl_easy_getinfo)
SW_LAZY_FORWARD(libcurl, curl_easy_init)
SW_LAZY_FORWARD(libcurl, curl_easy_perform)
SW_LAZY_FORWARD(libcurl, curl_easy_setopt)
SW_LAZY_FORWARD(libcurl, curl_easy_strerror)
SW_LAZY_FORWARD(libcurl, curl_global_init)
SW_LAZY_FORWARD(libcurl, curl_slist_append)
SW_LAZY_FORWARD(libcurl, curl_slist_free_all)

} // namespace sw::dyn
