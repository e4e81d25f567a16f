/* SPDX-License-Identifier: Apache-2.0 */
/* main.c - showup's entry point: global options, then the command table. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Removes "--db PATH" / "--db=PATH" from argv (before any "--"), keeping the path. */
static int
take_db_option(int argc, char **argv, const char **path)
{
	int out = 0, i;

	for (i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--db") == 0) {
			if (i + 1 == argc)
				return -1;
			*path = argv[++i];
			continue;
		}
		if (strncmp(argv[i], "--db=", 5) == 0) {
			*path = argv[i] + 5;
			continue;
		}
		argv[out++] = argv[i];
	}
	while (i < argc)
		argv[out++] = argv[i++];
	argv[out] = NULL;
	return out;
}

int
main(int argc, char **argv)
{
	struct cli cli = { 0 };

	argc = take_db_option(argc - 1, argv + 1, &cli.db_flag);
	argv++;
	if (argc < 0) {
		fputs("error: option '--db' needs a path\n", stderr);
		return EXIT_USAGE;
	}
	if (argc > 0 && (strcmp(argv[0], "--version") == 0 || strcmp(argv[0], "-V") == 0)) {
		puts(PACKAGE_STRING);
		return EXIT_OK;
	}
	if (argc > 0 && (strcmp(argv[0], "-h") == 0 || strcmp(argv[0], "--help") == 0))
		return cmd_help(stdout, 0, argv);
	if (argc > 0 && argv[0][0] == '-') {
		fprintf(stderr, "error: unknown option '%s'\nusage: showup [--db PATH] "
		    "COMMAND [ARGS]\n", argv[0]);
		return EXIT_USAGE;
	}
	return cmd_dispatch(&cli, argc, argv);
}
