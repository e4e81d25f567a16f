#!/bin/sh
# SPDX-License-Identifier: Apache-2.0
# Regenerate the build system: run once after a fresh clone.
exec autoreconf --install --force "$@"
