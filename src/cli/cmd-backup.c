/* SPDX-License-Identifier: Apache-2.0 */
/* cmd-backup.c - showup backup: a consistent copy of the whole database. */
#include "config.h"

#include <stdio.h>

#include "commands.h"

/* Copies the database to FILE with SQLite's online backup. */
static int
cmd_backup_exec(struct cli *cli, int argc, char **argv)
{
	su_err e;

	if (cli_getopt(cli, argc, argv) == '?')
		return EXIT_USAGE;
	if (store_backup(cli->st, argv[optind], &e) < 0)
		return cli_error("%s", e.msg);
	printf("backed up %s to %s\n", store_path(cli->st), argv[optind]);
	return EXIT_OK;
}

const struct cmd_entry cmd_backup_entry = {
	.name = "backup",
	.args = "FILE",
	.summary = "copy the whole database to FILE, safely while showup runs",
	.help =
	"Takes one consistent copy with SQLite's online backup, even while another\n"
	"showup writes, mode 0600 (it holds personal data), under a temporary name\n"
	"renamed into place. FILE may be an older backup, never another file.\n"
	"The database is only read: a backup on read-only media can be backed up.\n"
	"To restore: make sure no showup runs, move the database and any -wal and\n"
	"-shm files beside it aside, and copy the backup to its place. To look\n"
	"inside a backup first, give it as --db (read commands never change it).\n",
	.nargs = CMD_ARGS(1, 1, "give the file to write the copy to"),
	.db = CMD_DB_READ,
	.exec = cmd_backup_exec
};
