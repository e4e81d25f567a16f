/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_zoom.c - libFuzzer harness: a Zoom meeting report read, merged and judged. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "fuzz_meeting.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_meeting(data, size, MEETING_ZOOM);
	return 0;
}
