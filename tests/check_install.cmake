# `cmake --install` into a fresh prefix, then the installed programs as a user would start them:
# the layout the .deb ships (apps/CMakeLists.txt) must run on its own, away from the build tree.
set(prefix ${BINARY_DIR}/install-check)
file(REMOVE_RECURSE ${prefix})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${prefix}
                RESULT_VARIABLE installed OUTPUT_QUIET)
if(NOT installed EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${installed})")
endif()
foreach(file bin/sandbrowser bin/sandbrowserctl lib/sandbrowser/sandbrowser-renderer
             lib/sandbrowser/sandbrowser-ns-init share/applications/sandbrowser.desktop
             share/icons/hicolor/scalable/apps/sandbrowser.svg)
  if(NOT EXISTS ${prefix}/${file})
    message(FATAL_ERROR "the install has no ${file}")
  endif()
endforeach()
execute_process(COMMAND ${prefix}/bin/sandbrowser --headless --demo
                RESULT_VARIABLE demo OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 120)
if(NOT demo EQUAL 0)
  message(FATAL_ERROR "the installed headless demo failed (${demo}):\n${out}\n${err}")
endif()
file(REMOVE_RECURSE ${prefix})
message(STATUS "installed to a fresh prefix; its headless demo passed")
