#!/bin/sh
# Regenerate the build system: run once after a fresh clone.
exec autoreconf --install --force "$@"
