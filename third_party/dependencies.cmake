# How the Debian-packaged libraries are found. Every dependency is an imported target here;
# nothing below third_party/ is someone else's source.
find_package(PkgConfig REQUIRED)
find_package(Threads REQUIRED)
find_package(nlohmann_json 3.10 REQUIRED)

pkg_check_modules(SQLITE3   REQUIRED IMPORTED_TARGET sqlite3>=3.40)
pkg_check_modules(SODIUM    REQUIRED IMPORTED_TARGET libsodium)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(PANGOCAIRO REQUIRED IMPORTED_TARGET pangocairo cairo-pdf cairo-png)
# The P2HAM evidence pack's ZIP (survey/export/zip_writer.hpp): Debian's minizip, the one
# libxlsxwriter writes its own ZIP container with.
pkg_check_modules(MINIZIP   REQUIRED IMPORTED_TARGET minizip)
# stb_image (evidence thumbnails, screenshot checks) and stb_image_write: one library, one way in.
pkg_check_modules(STB       REQUIRED IMPORTED_TARGET stb)
# The assessors' store at national scale: PostgreSQL 15 through libpq (survey/national).
pkg_check_modules(PQ        REQUIRED IMPORTED_TARGET libpq>=15)
# Delivery (survey/delivery): the unit's HTTP(S) client and the Kanwil's receiver. Debian builds
# cpp-httplib as a shared library with OpenSSL, so the receiver can serve HTTPS itself.
pkg_check_modules(CURL      REQUIRED IMPORTED_TARGET libcurl>=7.85)
pkg_check_modules(HTTPLIB   REQUIRED IMPORTED_TARGET cpp-httplib>=0.11)

if(SW_KIOSK)
  find_package(OpenGL REQUIRED)
  pkg_check_modules(GLFW3  REQUIRED IMPORTED_TARGET glfw3>=3.3)
  pkg_check_modules(IMGUI  REQUIRED IMPORTED_TARGET imgui)   # 1.86, backends + FreeType builder inside
  pkg_check_modules(ESPEAK REQUIRED IMPORTED_TARGET espeak-ng)
endif()

if(BUILD_TESTING OR NOT DEFINED BUILD_TESTING)
  find_package(Catch2 2 REQUIRED)
endif()
