/* privacy.h - a person's data given on request and gone when asked: erasure,
 * the file's forgetting, export and the retention of cohorts past their time. */
#ifndef SHOWUP_PRIVACY_H
#define SHOWUP_PRIVACY_H

#include <stddef.h>
#include <stdint.h>

#include "showup/store.h"
#include "showup/types.h"
#include "showup/util.h"

/* A pseudonym that stands for an erased person: "erased 7f3a" and its address. */
struct pseudonym {
	char name[32];
	char email[64];
};

/*
 * Erases participant records 'ids' (n of them; one person's, in one cohort or
 * several) in the caller's transaction: the name, address, company, call name,
 * notes and free text become a new pseudonym, set in *ps, wherever they
 * stand (records, the outbox's messages, audit old and new values, other
 * people's notes and messages that name them); reasons become their class
 * (POLICY_REASON_EXCUSED, POLICY_REASON_NOT_EXCUSED), so each outcome, status and figure stays. Their notices
 * are held for good and their link stops opening. Audited as "participant
 * erased" with 'why' and no old value. 0, or -1 with 'e' set.
 */
int privacy_erase(struct store *st, const int64_t *ids, size_t n, const char *why,
    struct pseudonym *ps, su_err *e);
/* Picks a pseudonym no participant has (caller's transaction); 0, or -1 with 'e' set. */
int privacy_pseudonym(struct store *st, struct pseudonym *out, su_err *e);
/*
 * Makes the file forget what was erased, outside any transaction: the WAL
 * checkpointed and truncated, the file rebuilt (VACUUM) with SQLite's
 * secure_delete on, and the WAL truncated again. 0, or -1 with 'e' set (another
 * showup holds the file open: run it again when it is done).
 */
int privacy_forget(struct store *st, su_err *e);
/* Returns 1 if participant 'id' was erased, 0 if not, -1 with 'e' set. */
int participant_erased(struct store *st, int64_t id, su_err *e);
/* Lists the ids of every record of the person with address 'email' in any cohort. */
int privacy_person_ids(struct store *st, const char *email, int64_t **ids, size_t *n,
    su_err *e);

/* What an export wrote. */
struct export_summary {
	size_t files;		/* the CSV files */
	size_t messages;	/* the messages, as .eml */
};
/*
 * Writes everything held about the person with address 'email', in every
 * cohort, to the zip archive 'path' (under a temporary name, then renamed):
 * their records as CSV, each message to them as .eml, the audit entries that
 * name them, their commitment report of each cohort and a README naming each
 * file. Only reads. 0, or -1 with 'e' set (then no file is left).
 */
int privacy_export(struct store *st, const char *email, const char *path,
    struct export_summary *out, su_err *e);

/* A cohort past its retention (policy setting 'retention') with records not erased. */
struct retention_due {
	char *slug;
	int64_t cohort_id;
	int months;		/* its retention */
	int64_t ended_at;	/* the day after its last day, else its last session's end */
	int64_t due_at;		/* ended_at and the months */
	size_t records;		/* its participants not erased yet */
};
struct retention_list { struct retention_due *v; size_t n; };
/* Lists the cohorts whose retention has passed at 'now' with people not erased; 0 or -1. */
int retention_list_due(struct store *st, int64_t now, struct retention_list *out, su_err *e);
void retention_list_free(struct retention_list *l);
/*
 * Erases every participant of cohort d not erased yet, each with a pseudonym
 * of their own, in the caller's transaction (privacy_forget after). Only
 * that cohort's records: the same person in another cohort is kept. 0 or -1.
 */
int retention_erase(struct store *st, const struct retention_due *d, su_err *e);

#endif
