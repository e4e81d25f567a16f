/* SPDX-License-Identifier: Apache-2.0 */
/* report.h - the coach's PDF reports: the cohort's attendance, each participant's
 * commitments, a session's sign-in sheet. Figures come from the policy engine. */
#ifndef SHOWUP_REPORT_H
#define SHOWUP_REPORT_H

#include "showup/model.h"
#include "showup/pdf.h"
#include "showup/policy.h"

struct report_request {
	struct pdf_options pdf;		/* paper, fonts; its date is the report's date */
	int64_t as_of;			/* the record is judged as of this moment (UTC) */
	const char *path;		/* where the PDF goes */
	struct strbuf *buffer;		/* or, if set, where it is appended (an attachment) */
	struct strbuf warnings;		/* "name: ..." lines for the coach, one per problem */
	size_t files;			/* the files a split report wrote in the folder 'path' */
};

/* The attendance report: summary, chart, those at risk, the participants x sessions matrix. */
int report_attendance(struct store *st, const struct cohort *c, const struct policy *p,
    struct report_request *rq, su_err *e);
/* The commitment report of one participant (email), or of everyone (NULL), bookmarked. */
int report_commitment(struct store *st, const struct cohort *c, const struct policy *p,
    const char *email, struct report_request *rq, su_err *e);
/* Writes the commitment report of each participant to a file of its own in the folder
 * rq->path (named by their address), one at a time, so memory stays that of one;
 * counts them in rq->files. 0, or -1 with 'e' set (the files written before stay). */
int report_commitment_split(struct store *st, const struct cohort *c, const struct policy *p,
    struct report_request *rq, su_err *e);
/* What the commitment reports of one cohort draw on besides its roll (the offers, the
 * notices sent, the cohort's medians, the fonts), loaded once for any number of them. */
struct commitment_book;
struct roll;
/* Loads the book of the cohort in 'roll' (borrowed: it outlives the book); NULL, 'e' set. */
struct commitment_book *commitment_book_open(struct store *st, const struct roll *roll,
    su_err *e);
void commitment_book_close(struct commitment_book *b);
/* Appends the commitment report of person row i of the book's roll to 'out' (a PDF in
 * memory; rq->path is unused); 0 or -1 with 'e' set. */
int report_commitment_into(struct commitment_book *b, size_t i, struct report_request *rq,
    struct strbuf *out, su_err *e);
/* The sign-in sheet of session 's': expected participants, arrival time, signature. */
int report_sheet(struct store *st, const struct cohort *c, const struct session *s,
    struct report_request *rq, su_err *e);

#endif
