/* SPDX-License-Identifier: Apache-2.0 */
/* fuzz_teams_log.c - libFuzzer harness: an older Teams User Action list read, merged and judged. */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "fuzz_meeting.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	fuzz_meeting(data, size, MEETING_TEAMS_LOG);
	return 0;
}
