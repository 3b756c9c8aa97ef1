#include "survey/delivery/http_client.hpp"

#include <curl/curl.h>

#include <cstdlib>
#include <memory>
#include <mutex>

namespace sw {

namespace {

void initCurlOnce() {
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

std::size_t collectBody(char* data, std::size_t size, std::size_t n, void* user) {
    auto* out = static_cast<std::string*>(user);
    const std::size_t len = size * n;
    if (out->size() + len > kMaxAnswerBytes) return 0; // stops the transfer: no receipt is that long
    out->append(data, len);
    return len;
}

} // namespace

PostResult postBundle(const std::string& url, const std::string& body, const PostOptions& opt) {
    initCurlOnce();
    PostResult r;
    std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), curl_easy_cleanup);
    if (!curl) {
        r.error = "libcurl could not start";
        return r;
    }
    std::unique_ptr<curl_slist, void (*)(curl_slist*)> headers(
        curl_slist_append(curl_slist_append(nullptr, "Content-Type: application/octet-stream"), "Expect:"),
        curl_slist_free_all);
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_POST, 1L);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body.data());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers.get());
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, opt.connectTimeoutSeconds);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1024L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, opt.lowSpeedSeconds);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, opt.totalTimeoutSeconds);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, collectBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r.body);
    if (!opt.caFile.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, opt.caFile.c_str());
    char message[CURL_ERROR_SIZE] = {0};
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, message);

    const CURLcode rc = curl_easy_perform(c);
    if (rc != CURLE_OK) {
        r.error = message[0] ? message : curl_easy_strerror(rc);
        return r;
    }
    r.transferred = true;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.status);
    curl_off_t retry = 0;
    if (curl_easy_getinfo(c, CURLINFO_RETRY_AFTER, &retry) == CURLE_OK) r.retryAfter = static_cast<std::int64_t>(retry);
    return r;
}

} // namespace sw
