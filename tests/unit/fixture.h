/* SPDX-License-Identifier: Apache-2.0 */
/* fixture.h - what the unit tests on a real store share: a fresh folder for each
 * test, a database in it, the test cohort, its people, sessions and marks, the clock. */
#ifndef SHOWUP_TEST_FIXTURE_H
#define SHOWUP_TEST_FIXTURE_H

#include <stdint.h>
#include <sys/types.h>

#include "showup/model.h"
#include "showup/policy.h"

/* The clock of every test until fx_set_now: Sun 2026-11-22 11:00 in Sydney (AEDT). */
#define FX_NOW_TEXT "2026-11-22T00:00Z"
#define FX_DAY INT64_C(86400)

/* The test's own folder, made by fx_setup and removed by fx_teardown. */
extern char fx_dir[160];

/* The checked fixture: a fresh folder and the clock at FX_NOW_TEXT; and its end. */
void fx_setup(void);
void fx_teardown(void);
/* Returns "fx_dir/name" in a buffer of the caller's. */
char *fx_path(char *buf, size_t size, const char *name);
/* Writes 'text' to the file 'name' of the test's folder with 'mode'; returns its path. */
const char *fx_write(const char *name, const char *text, mode_t mode);
/* Returns the file 'name' of the test's folder ("" if there is none); the caller frees it. */
char *fx_read(const char *name);
/* Opens (creating) the database fx_dir/showup.db. */
struct store *fx_store(void);
/* Opens a second connection to it, as another showup would. */
struct store *fx_store_again(void);
/* Adds cohort spring26 (Sydney, 1,500.00 AUD) and returns it loaded. */
void fx_cohort(struct store *st, struct cohort *out);
/* Adds a participant; returns the id. */
int64_t fx_person(struct store *st, const struct cohort *c, const char *name, const char *email);
/* Loads a participant by e-mail (freed with participant_free). */
void fx_find(struct store *st, const struct cohort *c, const char *email, struct participant *p);
/* Returns the UTC seconds of a wall-clock time in Sydney ("2026-11-02 09:00"). */
int64_t fx_time(const char *sydney);
/* Adds a group session of an hour at a wall-clock time in Sydney; returns its number. */
int fx_session(struct store *st, const struct cohort *c, const char *sydney);
/* Records the fact of session 'number' for 'email': arrived on time, or absent (a no-show). */
void fx_mark(struct store *st, const struct cohort *c, int number, const char *email,
    enum fact f);
/* Sets the clock ($SHOWUP_NOW) to UTC seconds 't'. */
void fx_set_now(int64_t t);
/* The clock as fx_setup sets it, in UTC seconds. */
int64_t fx_now(void);
/* Runs a query of one integer (printf-style) on the store; returns it. */
int64_t fx_int(struct store *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Runs SQL that returns nothing (printf-style) on the store. */
void fx_exec(struct store *st, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
