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

# sw_lazy_library(TARGET PKG LIB DEFINE): TARGET calls libLIB's functions through sw::LazyLibrary
# (survey/base/lazy_library.hpp), which opens the library on first use, instead of linking it: it
# compiles against the pkg-config module PKG's headers, and DEFINE holds the soname the linker
# would have recorded (read from libLIB.so here, so a new major version is followed at configure
# time, never guessed).
function(sw_lazy_library target pkg lib define)
  set(file "")
  foreach(path IN LISTS ${pkg}_LINK_LIBRARIES)
    get_filename_component(name ${path} NAME)
    if(name STREQUAL "lib${lib}.so")
      set(file ${path})
    endif()
  endforeach()
  if(NOT file)
    message(FATAL_ERROR "sw_lazy_library: lib${lib}.so is not among the libraries of ${pkg} (${${pkg}_LINK_LIBRARIES})")
  endif()
  execute_process(COMMAND ${CMAKE_OBJDUMP} -p ${file} OUTPUT_VARIABLE dump RESULT_VARIABLE rc)
  string(REGEX MATCH "SONAME[ \t]+([^ \t\r\n]+)" found "${dump}")
  if(NOT rc EQUAL 0 OR NOT found)
    message(FATAL_ERROR "sw_lazy_library: no SONAME in ${file} (objdump -p exited ${rc})")
  endif()
  target_include_directories(${target} SYSTEM PUBLIC ${${pkg}_INCLUDE_DIRS})
  target_compile_options(${target} PUBLIC ${${pkg}_CFLAGS_OTHER})
  target_compile_definitions(${target} PUBLIC ${define}="${CMAKE_MATCH_1}")
  target_link_libraries(${target} PUBLIC ${CMAKE_DL_LIBS})
endfunction()
