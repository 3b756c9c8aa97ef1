// minizip, loaded the first time an evidence pack is written (survey/base/lazy_library.hpp): the
// functions zip_writer.cpp calls, each typed by minizip/zip.h.
#pragma once
#include "survey/base/lazy_library.hpp"

#include <minizip/zip.h>

namespace sw::dyn {

SW_LAZY_LIBRARY(libminizip, SW_SONAME_MINIZIP, "the ZIP library minizip")

SW_LAZY_FORWARD(libminizip, zipClose)
SW_LAZY_FORWARD(libminizip, zipCloseFileInZip)
SW_LAZY_FORWARD(libminizip, zipOpen64)
SW_LAZY_FORWARD(libminizip, zipOpenNewFileInZip3_64)
SW_LAZY_FORWARD(libminizip, zipWriteInFileInZip)

} // namespace sw::dyn
