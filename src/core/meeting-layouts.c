/* SPDX-License-Identifier: Apache-2.0 */
/* meeting-layouts.c - the header words of every meeting report format, in English,
 * German, French, Spanish, Portuguese, Polish and Japanese. A new language is a line here;
 * words are compared as meeting_header_key folds them (case, accents, punctuation). */
#include "config.h"

#include <stddef.h>

#include "meeting-layouts.h"

#define W(...) ((const char *const[]){ __VA_ARGS__, NULL })

const struct meeting_layout meeting_layouts[] = {
	{ MEETING_WEBEX, "webex", "a Webex attendee report",
	  COL(M_NAME) | COL(M_JOIN) | COL(M_LEAVE) | COL(M_MARK), 0, {
		[M_NAME] = W("Attendee Name", "Name", "Display Name", "Nom", "Nombre", "Nome",
		    "名前"),
		[M_EMAIL] = W("Attendee Email", "Email", "E-Mail", "Adresse e-mail",
		    "Correo electrónico", "メールアドレス"),
		[M_JOIN] = W("Join time", "Beitrittszeit", "Heure de connexion",
		    "Hora de conexión", "Hora de entrada", "参加時刻"),
		[M_LEAVE] = W("Leave time", "Austrittszeit", "Heure de déconnexion",
		    "Hora de desconexión", "Hora de saída", "退出時刻"),
		[M_DURATION] = W("Attendance Duration", "Duration", "Dauer", "Durée", "Duración",
		    "Duração", "時間"),
		[M_ROLE] = W("Role", "Rolle", "Rôle", "Rol", "Função", "役割"),
		[M_MARK] = W("Attendee Email", "Attendee Name", "Connection type", "Invited",
		    "Registered", "Attendance Duration", "Verbindungstyp", "Type de connexion",
		    "Tipo de conexión", "Tipo de conexão", "接続タイプ"),
	} },
	{ MEETING_MEET, "meet", "a Google Meet attendance export",
	  COL(M_NAME) | COL(M_LAST) | COL(M_JOIN) | COL(M_LEAVE), 0, {
		[M_NAME] = W("First name", "Vorname", "Prénom", "Nombre", "Nome", "名"),
		[M_LAST] = W("Last name", "Nachname", "Nom", "Apellido", "Sobrenome", "姓"),
		[M_EMAIL] = W("Email", "E-Mail", "Adresse e-mail", "Correo electrónico",
		    "E-mail", "メールアドレス"),
		[M_DURATION] = W("Duration", "Dauer", "Durée", "Duración", "Duração", "時間"),
		[M_JOIN] = W("Time joined", "Beitrittszeit", "Heure d'arrivée",
		    "Hora de entrada", "Horário de entrada", "参加時刻"),
		[M_LEAVE] = W("Time exited", "Austrittszeit", "Heure de départ",
		    "Hora de salida", "Horário de saída", "退出時刻"),
	} },
	/* Meet's current export: under a '*' block ("Meeting code: ...", "Created on ..."),
	 * the first time seen and the time in the call; no leave time */
	{ MEETING_MEET, "meet", "a Google Meet attendance export",
	  COL(M_NAME) | COL(M_JOIN) | COL(M_DURATION), 0, {
		[M_NAME] = W("Full Name"),
		[M_EMAIL] = W("Email"),
		[M_JOIN] = W("First Seen"),
		[M_DURATION] = W("Time in Call"),
	} },
	{ MEETING_TEAMS_LOG, "teams-log", "an older Teams attendance list (User Action)",
	  COL(M_NAME) | COL(M_ACTION) | COL(M_TIME), 0, {
		[M_NAME] = W("Full Name", "Vollständiger Name", "Nom complet",
		    "Nombre completo", "Nome completo", "フル ネーム", "名前"),
		[M_ACTION] = W("User Action", "Benutzeraktion", "Action de l'utilisateur",
		    "Acción del usuario", "Ação do usuário", "ユーザーの操作"),
		[M_TIME] = W("Timestamp", "Zeitstempel", "Horodatage", "Marca de tiempo",
		    "Carimbo de data/hora", "タイムスタンプ"),
	} },
	{ MEETING_TEAMS, "teams", "a Teams attendance report",
	  COL(M_NAME) | COL(M_JOIN) | COL(M_LEAVE), 1, {
		[M_NAME] = W("Name", "Full Name", "Vollständiger Name", "Nom", "Nom complet",
		    "Nombre", "Nombre completo", "Nome", "Nome completo", "名前",
		    "Imię i nazwisko"),
		[M_EMAIL] = W("Email", "Participant ID (UPN)", "E-Mail",
		    "Teilnehmer-ID (UPN)", "Adresse e-mail", "E-mail",
		    "ID du participant (UPN)", "Correo electrónico",
		    "Id. de participante (UPN)", "ID do participante (UPN)", "メール",
		    "参加者 ID (UPN)", "Adres e-mail", "Identyfikator uczestnika (UPN)"),
		[M_JOIN] = W("First Join", "Join Time", "Erster Beitritt", "Beitrittszeit",
		    "Première participation", "Heure d'arrivée", "Primera unión",
		    "Hora de unión", "Primeira entrada", "Hora de entrada", "最初の参加",
		    "参加時刻", "Heure de participation", "Pierwsze dołączenie",
		    "Godzina dołączenia"),
		[M_LEAVE] = W("Last Leave", "Leave Time", "Letzter Austritt", "Austrittszeit",
		    "Dernier départ", "Heure de départ", "Última salida", "Hora de salida",
		    "Última saída", "Hora de saída", "最後の退出", "退出時刻", "Ostatnie wyjście",
		    "Godzina wyjścia"),
		[M_DURATION] = W("In-Meeting Duration", "Duration", "Dauer in der Besprechung",
		    "Dauer", "Durée de la réunion", "Durée", "Duración de la reunión",
		    "Duración", "Duração da reunião", "Duração", "会議中の時間", "期間",
		    "Czas trwania spotkania", "Czas trwania"),
		[M_ROLE] = W("Role", "Rolle", "Rôle", "Rol", "Função", "役割", "Rola"),
	} },
	{ MEETING_ZOOM, "zoom", "a Zoom participant export",
	  COL(M_NAME) | COL(M_JOIN) | COL(M_LEAVE), 0, {
		[M_NAME] = W("Name (Original Name)", "Name", "Participant",
		    "Name (ursprünglicher Name)", "Nom (nom d'origine)", "Nom (nom original)",
		    "Nom", "Nombre (nombre original)", "Nombre", "Nome (nome original)", "Nome",
		    "名前 (元の名前)", "名前"),
		[M_EMAIL] = W("User Email", "Email", "E-Mail des Benutzers", "Benutzer-E-Mail",
		    "E-mail de l'utilisateur", "Correo electrónico del usuario",
		    "E-mail do usuário", "ユーザーメール", "Correo electrónico",
		    "E-mail del usuario"),
		[M_JOIN] = W("Join Time", "Beitrittszeit", "Heure d'arrivée",
		    "Hora de entrada", "Hora de ingreso", "Horário de entrada", "参加時刻",
		    "Hora para unirse"),
		[M_LEAVE] = W("Leave Time", "Austrittszeit", "Heure de départ",
		    "Heure de sortie", "Hora de salida", "Horário de saída", "退出時刻",
		    "Hora para salir"),
		[M_DURATION] = W("Duration (Minutes)", "Duration", "Dauer (Minuten)",
		    "Durée (minutes)", "Duración (minutos)", "Duração (minutos)",
		    "所要時間（分）", "期間 (分)"),
		[M_ROLE] = W("Role", "Rolle", "Rôle", "Rol", "Função", "役割"),
	} },
};
const size_t meeting_nlayouts = sizeof meeting_layouts / sizeof meeting_layouts[0];

/* Zoom's "Meeting ID,Topic,Start Time,End Time,User Email,..." and Google Meet's
 * "Meeting title,Date,Start time,End time": read for the host and the date. */
const struct meeting_layout meeting_block = { MEETING_AUTO, "block", "a meeting block",
	COL(M_JOIN) | COL(M_LEAVE), 0, {
	[M_JOIN] = W("Start Time", "Startzeit", "Heure de début", "Hora de inicio",
	    "Hora de início", "開始時刻", "開始時間"),
	[M_LEAVE] = W("End Time", "Endzeit", "Heure de fin", "Hora de finalización",
	    "Hora de término", "終了時刻", "終了時間"),
	[M_EMAIL] = W("User Email", "Host Email", "E-Mail des Benutzers",
	    "E-mail de l'utilisateur", "Correo electrónico del usuario",
	    "E-mail do usuário", "ユーザーメール"),
	[M_TIME] = W("Date", "Datum", "Fecha", "Data", "日付"),
} };

/* What the '*' block of Meet's current export opens its creation time with. */
const char *const meeting_created_words[] = { "Created on", NULL };

/* The title a Teams report of 2021 begins with, instead of numbered sections. */
const char *const meeting_summary_words[] = { "Meeting Summary", "Résumé de la réunion",
	"Besprechungszusammenfassung", "Resumen de la reunión", "Resumo da reunião",
	"Podsumowanie spotkania", "会議の概要", NULL };
const char *const meeting_organiser_words[] = { "Organizer", "Organiser", "Host",
	"Organisator", "Organizator", "Organisateur", "Hôte", "Organizador", "Anfitrión", "開催者", "ホスト",
	NULL };
const char *const meeting_join_words[] = { "Joined", "Joined before", "Beigetreten",
	"Vorher beigetreten", "A rejoint", "Rejoint", "Rejoint avant", "Unido", "Se unió",
	"Unido antes", "Ingressou", "Ingressou antes", "参加済み", "参加", "以前に参加", NULL };
const char *const meeting_leave_words[] = { "Left", "Verlassen", "Hat verlassen",
	"A quitté", "Quitté", "Salió", "Abandonó", "Saiu", "退出済み", "退出", NULL };
