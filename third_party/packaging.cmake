# Installation and the Debian package. Included OPTIONAL from the top level.
#   cmake -S . -B build-rel -DCMAKE_INSTALL_PREFIX=/usr && cmake --build build-rel -j2
#   cd build-rel && cpack -G DEB        → suarawarga_<version>_<arch>.deb
# The binaries are installed by app/CMakeLists.txt; here: assets, desktop entry, systemd unit,
# the kiosk set-up script, and CPack. The program finds its assets in SW_INSTALL_ASSET_DIR, which
# is compiled in from CMAKE_INSTALL_PREFIX — so the package installs under that same prefix.

# Data, not code: instruments, translations, facility checklist, demo unit (screenshots stay out).
install(DIRECTORY ${PROJECT_SOURCE_DIR}/assets/
        DESTINATION ${CMAKE_INSTALL_DATADIR}/suarawarga
        PATTERN "screenshots" EXCLUDE)

# Kiosk deployment: the systemd unit (not enabled by the package: setup-kiosk.sh does that),
# its PAM stack, the set-up script, and a desktop entry for a desktop machine.
configure_file(${PROJECT_SOURCE_DIR}/app/deploy/suarawarga-kiosk.service.in
               ${CMAKE_CURRENT_BINARY_DIR}/deploy/suarawarga-kiosk.service @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/deploy/suarawarga-kiosk.service
        DESTINATION lib/systemd/system)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/deploy/suarawarga-kiosk.service
              ${PROJECT_SOURCE_DIR}/app/deploy/suarawarga-kiosk.pam
        DESTINATION ${CMAKE_INSTALL_DATADIR}/suarawarga/deploy)
install(PROGRAMS ${PROJECT_SOURCE_DIR}/app/deploy/setup-kiosk.sh
        DESTINATION ${CMAKE_INSTALL_DATADIR}/suarawarga/deploy)
install(FILES ${PROJECT_SOURCE_DIR}/app/deploy/suarawarga.desktop
        DESTINATION ${CMAKE_INSTALL_DATADIR}/applications)

# [CPack] one package, `suarawarga`, with both programs.
set(CPACK_PACKAGE_NAME "suarawarga")
set(CPACK_PACKAGE_VENDOR "SuaraWarga")
set(CPACK_PACKAGE_CONTACT "SuaraWarga maintainers <suarawarga@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "Touchscreen kiosk for the public satisfaction survey (SKM, PermenPANRB 14/2017) and P2HAM")
set(CPACK_PACKAGE_DESCRIPTION "SuaraWarga lets citizens rate a public-service unit on a touchscreen kiosk with the \
national SKM survey and a human-rights accessibility module; unit heads see IKM and mutu; regional assessors \
receive signed exports. suarawarga is the kiosk, suarawarga-cli the headless verbs.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
if(NOT CMAKE_INSTALL_PREFIX STREQUAL "/usr")
  message(STATUS "packaging: the .deb will install under ${CMAKE_INSTALL_PREFIX}; "
                 "configure with -DCMAKE_INSTALL_PREFIX=/usr for a Debian-standard package")
endif()
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON)                  # RelWithDebInfo binaries without their debug info
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
# Shared-library dependencies computed by dpkg-shlibdeps from the binaries (sqlite3, sodium,
# xlsxwriter, cairo/pango, glfw, GL, espeak-ng…), plus the data packages they load at run time.
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "fonts-dejavu-core, espeak-ng-data")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "cage, xwayland")
set(CPACK_GENERATOR "DEB")
include(CPack)
