/* SPDX-License-Identifier: Apache-2.0 */
/* import-words.c - the header words of every import's columns, in English, German,
 * French, Spanish, Portuguese, Italian, Dutch and Polish (in that order on each line
 * after the English ones). A new language is a few words here; words are compared as
 * csv_header_key folds them (case, accents, spaces and punctuation). A word names one
 * column of an import only (tests/unit/test_import.c checks it). */
#include "config.h"

#include <stddef.h>

#include "import-words.h"

#define W(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* E-mail addresses: the roster's and the attendance file's. */
#define EMAIL_WORDS \
	"email", "e-mail", "email address", "e-mail address", "mail", "work email", \
	"E-Mail-Adresse", "Mailadresse", "Adresse e-mail", "Adresse mail", "Courriel", \
	"Adresse électronique", "Correo electrónico", "Correo", \
	"Dirección de correo electrónico", "Endereço de e-mail", "Correio eletrónico", \
	"E-mail institucional", "Indirizzo email", "Posta elettronica", "E-mailadres", \
	"Adres e-mail", "Poczta e-mail"

/* Session numbers: the schedule's and the attendance file's. */
#define NUMBER_WORDS \
	"number", "no", "#", "session number", \
	"Nummer", "Nr", "Sitzungsnummer", "Numéro", "N°", "Número", "Nº", \
	"Número de sesión", "Número da sessão", "Numero", "Numero sessione", \
	"Sessienummer", "Numer", "Numer sesji"

/* Session words: a schedule's number column, an attendance file's session column. */
#define SESSION_WORDS \
	"session", "Sitzung", "Termin", "Séance", "Sesión", "Sessão", "Sessione", "Sessie", \
	"Sesja", "Spotkanie"

const struct csv_column import_roster_columns[ROSTER_NCOLS] = {
	[ROSTER_NAME] = { "name", W("name", "full name", "participant", "participant name",
	    "attendee", "student", "display name",
	    "Vollständiger Name", "Teilnehmer", "Teilnehmername", "Nom", "Nom complet",
	    "Nom du participant", "Nombre", "Nombre completo", "Nombre y apellidos",
	    "Participante", "Nome", "Nome completo", "Nome do participante",
	    "Nome e cognome", "Nominativo", "Partecipante", "Naam", "Volledige naam",
	    "Deelnemer", "Imię i nazwisko", "Nazwisko i imię", "Uczestnik"), 0 },
	[ROSTER_FIRST] = { "first name", W("first name", "firstname", "given name",
	    "forename", "first",
	    "Vorname", "Prénom", "Nombre de pila", "Primer nombre", "Primeiro nome",
	    "Prenome", "Nome proprio", "Voornaam", "Roepnaam", "Imię"), 0 },
	[ROSTER_LAST] = { "last name", W("last name", "lastname", "surname", "family name",
	    "last",
	    "Nachname", "Familienname", "Nom de famille", "Apellido", "Apellidos",
	    "Sobrenome", "Apelido", "Último nome", "Cognome", "Achternaam", "Nazwisko"), 0 },
	[ROSTER_EMAIL] = { "e-mail", W(EMAIL_WORDS), 1 },
	[ROSTER_COMPANY] = { "company", W("company", "company name", "organisation",
	    "organization", "employer", "org",
	    "Firma", "Unternehmen", "Arbeitgeber", "Firmenname", "Société", "Entreprise",
	    "Employeur", "Empresa", "Organización", "Compañía", "Organização", "Instituição",
	    "Azienda", "Società", "Organizzazione", "Bedrijf", "Organisatie", "Werkgever",
	    "Organizacja", "Pracodawca"), 0 },
	[ROSTER_CALL_NAME] = { "call_name", W("call name", "preferred name", "nickname",
	    "known as", "Rufname", "Spitzname", "Surnom", "Apodo", "Nome preferido",
	    "Nome preferito"), 0 },
};

const struct csv_column import_session_columns[SESSION_NCOLS] = {
	[SESSION_NUMBER] = { "number", W(NUMBER_WORDS, SESSION_WORDS), 0 },
	[SESSION_START] = { "start", W("start", "starts", "starts at", "start time", "when",
	    "date and time", "datetime",
	    "Beginn", "Startzeit", "Datum und Uhrzeit", "Début", "Heure de début",
	    "Date et heure", "Inicio", "Hora de inicio", "Fecha y hora", "Data e hora",
	    "Inizio", "Ora di inizio", "Data e ora", "Begin", "Starttijd", "Datum en tijd",
	    "Początek", "Rozpoczęcie", "Data i godzina"), 0 },
	[SESSION_DATE] = { "date", W("date", "day",
	    "Datum", "Tag", "Jour", "Fecha", "Día", "Data", "Dia", "Giorno", "Dag",
	    "Dzień"), 0 },
	[SESSION_TIME] = { "time", W("time",
	    "Uhrzeit", "Zeit", "Heure", "Hora", "Horário", "Ora", "Orario", "Tijd",
	    "Tijdstip", "Godzina"), 0 },
	[SESSION_MINUTES] = { "minutes", W("minutes", "duration", "length", "mins",
	    "duration (minutes)",
	    "Minuten", "Dauer", "Länge", "Durée", "Minutos", "Duración", "Duração", "Minuti",
	    "Durata", "Duur", "Minuty", "Czas trwania"), 0 },
	[SESSION_KIND] = { "kind", W("kind", "type", "session type",
	    "Art", "Typ", "Genre", "Tipo", "Soort", "Rodzaj"), 0 },
	[SESSION_TITLE] = { "title", W("title", "topic", "subject",
	    "Titel", "Thema", "Betreff", "Titre", "Sujet", "Thème", "Título", "Tema", "Asunto",
	    "Assunto", "Titolo", "Argomento", "Onderwerp", "Tytuł", "Temat"), 0 },
	[SESSION_LOCATION] = { "location", W("location", "place", "room", "where", "link",
	    "Ort", "Raum", "Lieu", "Salle", "Lien", "Lugar", "Sala", "Ubicación", "Enlace",
	    "Local", "Luogo", "Aula", "Locatie", "Plaats", "Zaal", "Miejsce",
	    "Lokalizacja"), 0 },
	[SESSION_WITH] = { "with", W("with", "expected", "participants", "attendees",
	    "Teilnehmende", "Mit", "Avec", "Participantes", "Con", "Com", "Partecipanti",
	    "Deelnemers", "Met", "Uczestnicy", "Z"), 0 },
	[SESSION_CANCELLED_AT] = { "cancelled_at", W("cancelled at", "canceled at",
	    "cancelled",
	    "Abgesagt am", "Abgesagt", "Annulée le", "Annulé le", "Cancelada el",
	    "Cancelado", "Cancelada em", "Annullata il", "Annullato", "Geannuleerd op",
	    "Geannuleerd", "Odwołane", "Anulowane"), 0 },
	[SESSION_CANCEL_NOTE] = { "cancel_note", W("cancel note", "cancellation note",
	    "Absagegrund", "Motif d'annulation", "Motivo de cancelación",
	    "Motivo do cancelamento", "Motivo dell'annullamento", "Reden van annulering",
	    "Powód odwołania"), 0 },
	[SESSION_OPTIONAL] = { "optional", W("optional", "optional session",
	    "Freiwillig", "Facultatif", "Facultative", "Opcional", "Facoltativo",
	    "Facoltativa", "Optioneel", "Vrijwillig", "Opcjonalne", "Dobrowolne"), 0 },
};

const struct csv_column import_attendance_columns[ATTEND_NCOLS] = {
	[ATTEND_SESSION] = { "session", W(SESSION_WORDS, NUMBER_WORDS), 1 },
	[ATTEND_EMAIL] = { "e-mail", W(EMAIL_WORDS), 1 },
	[ATTEND_STATUS] = { "status", W("status", "mark", "attendance",
	    "Anwesenheit", "Statut", "Présence", "Estado", "Asistencia", "Situação",
	    "Presença", "Stato", "Presenza", "Aanwezigheid", "Obecność"), 1 },
	[ATTEND_MINUTES] = { "minutes_late", W("minutes late", "late by", "late minutes",
	    "Minuten zu spät", "Verspätung", "Minutes de retard", "Retard",
	    "Minutos de retraso", "Retraso", "Minutos de atraso", "Atraso",
	    "Minuti di ritardo", "Ritardo", "Minuten te laat", "Vertraging",
	    "Minuty spóźnienia", "Spóźnienie"), 0 },
	[ATTEND_CANCELLED_AT] = { "cancelled_at", W("cancelled at", "canceled at",
	    "cancellation time",
	    "Abgesagt am", "Annulé le", "Cancelado el", "Cancelado em", "Annullato il",
	    "Geannuleerd op", "Odwołane"), 0 },
	[ATTEND_REASON] = { "reason", W("reason", "reason code",
	    "Grund", "Motif", "Raison", "Motivo", "Razón", "Razão", "Ragione", "Causale",
	    "Reden", "Powód"), 0 },
	[ATTEND_NOTE] = { "note", W("note", "notes", "comment",
	    "Notiz", "Bemerkung", "Kommentar", "Anmerkung", "Remarque", "Commentaire",
	    "Nota", "Notas", "Comentario", "Observaciones", "Observação", "Observações",
	    "Comentário", "Commento", "Notitie", "Opmerking", "Opmerkingen", "Notatka",
	    "Uwagi", "Komentarz"), 0 },
};

const char *const import_attendance_informational[] = { "name", "date", "outcome", "kind",
	NULL };

const struct csv_column import_cohort_columns[COHORT_NCOLS] = {
	[COHORT_SLUG] = { "slug", W("slug", "cohort", "code", "id",
	    "Kohorte", "Kürzel", "Cohorte", "Código", "Coorte", "Codice", "Kohorta", "Kod"),
	    1 },
	[COHORT_NAME] = { "name", W("name", "title", "program", "programme",
	    "Titel", "Programm", "Nom", "Titre", "Nombre", "Título", "Programa", "Nome",
	    "Titolo", "Programma", "Naam", "Nazwa", "Tytuł"), 0 },
	[COHORT_COACH] = { "coach", W("coach", "coach name",
	    "Trainer", "Trainerin", "Formateur", "Formatrice", "Entrenador", "Formador",
	    "Treinador", "Formatore", "Begeleider", "Trener", "Prowadzący"), 0 },
	[COHORT_COACH_EMAIL] = { "coach e-mail", W("coach email", "coach e-mail",
	    "E-Mail des Trainers", "Trainer E-Mail", "E-mail du formateur",
	    "Correo del entrenador", "E-mail do formador", "Email del formatore",
	    "E-mail van de trainer", "E-mail trenera"), 0 },
	[COHORT_TZ] = { "time zone", W("time zone", "timezone", "tz", "zone",
	    "Zeitzone", "Fuseau horaire", "Zona horaria", "Fuso horário", "Fuso orario",
	    "Tijdzone", "Strefa czasowa"), 0 },
	[COHORT_FEE] = { "fee", W("fee", "price",
	    "Gebühr", "Preis", "Kosten", "Prix", "Tarif", "Frais", "Precio", "Tarifa",
	    "Cuota", "Preço", "Taxa", "Prezzo", "Quota", "Tariffa", "Prijs", "Tarief",
	    "Cena", "Opłata"), 0 },
	[COHORT_CURRENCY] = { "currency", W("currency",
	    "Währung", "Devise", "Monnaie", "Moneda", "Divisa", "Moeda", "Valuta", "Waluta"),
	    0 },
	[COHORT_STARTS] = { "starts", W("starts", "start", "start date",
	    "Beginn", "Startdatum", "Début", "Date de début", "Inicio", "Fecha de inicio",
	    "Data de início", "Inizio", "Data di inizio", "Begin", "Begindatum",
	    "Początek", "Data rozpoczęcia"), 0 },
	[COHORT_ENDS] = { "ends", W("ends", "end", "end date",
	    "Ende", "Enddatum", "Fin", "Date de fin", "Fecha de fin", "Fim", "Data de fim",
	    "Data de término", "Fine", "Data di fine", "Einde", "Einddatum", "Koniec",
	    "Data zakończenia"), 0 },
};
