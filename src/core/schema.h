/* SPDX-License-Identifier: Apache-2.0 */
/* schema.h - the migration steps; step i brings user_version from i to i+1. */
#ifndef SHOWUP_SCHEMA_H
#define SHOWUP_SCHEMA_H

extern const char *const schema_migrations[];
extern const int schema_migration_count;

#endif
