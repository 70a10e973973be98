# ruff: noqa: E501
"""Templates of genre ``meeting_notes``: minutes, action items, agendas (often markdown)."""

GENRE = "meeting_notes"

RAW = r"""
%% meeting_notes/001
## Weekly sync - {{?DATE}}
Attendees: {{PERSON#1}}, {{PERSON#2}}, {{PERSON#3}}
- Release {{?VERSION}} slipped to {{?WEEKDAY}}
- AI: {{PERSON#2}} to update the runbook
%% meeting_notes/002
# Sprint {{?NUMBER}} retro
What went well: fewer incidents ({{?NUMBER}} vs {{?NUMBER}})
What to improve: review turnaround
Action items: timebox standups to 15 min
%% meeting_notes/003
Minutes - {{?DEPARTMENT}} - {{?DATE}} {{?TIME}}, {{?ROOM}}
1. Budget: {{?PRICE}} approved for Q{{?NUMBER}}
2. Hiring: 2 {{?JOB_TITLE}} roles open
3. AOB: none
%% meeting_notes/004
Action items
- [ ] {{PERSON}}: send revised contract to {{EMAIL_ADDRESS}} by {{?DATE}}
- [ ] migrate {{?HOSTNAME}} to new cluster
- [x] close {{?TICKET_ID}}
%% meeting_notes/005
Board meeting {{?MONTH}}: revenue {{?PRICE}} (+{{?PERCENT}} YoY), cash runway {{?DURATION}}. Next meeting {{?DATE}}.
%% meeting_notes/006
Customer call notes ({{?COMPANY}}): they want SSO and audit logs. Their admin {{PERSON}} can be reached at {{PHONE_NUMBER}}. {{CONTEXT}}.
%% meeting_notes/007
Agenda
1. Welcome ({{?DURATION}})
2. Roadmap {{?MONTH}}
3. Q&A
Dial-in via {{?ROOM}}.
%% meeting_notes/008
Incident review {{?TICKET_ID}}
Timeline: {{?TIME}} alert, {{?TIME}} mitigated, {{?TIME}} resolved
Root cause: bad config pushed to {{?HOSTNAME}}
Follow-ups: add canary, alert on {{?ERROR_CODE}}
%% meeting_notes/009
1:1 {{PERSON#1}} / {{PERSON#2}} - career goals, wants to move into {{?JOB_TITLE}}; discuss again in {{?DURATION}}.
%% meeting_notes/010
Notes from the vendor meeting: {{?COMPANY}} quoted {{?PRICE}}/month, SLA {{?PERCENT}}, onboarding {{?DURATION}}.
%% meeting_notes/011
Protokoll {{?DATE}}: Teilnehmer {{PERSON#1}}, {{PERSON#2}}. Beschluss: Umzug nach {{?CITY}} im {{?MONTH}}.
%% meeting_notes/012
Decision log: we'll deprecate API v1 on {{?DATE}}; {{?PERCENT}} of traffic is still on it.
%% meeting_notes/013
Interview debrief - candidate {{PERSON}}: strong system design, weaker on testing. Hire: yes. Contact {{EMAIL_ADDRESS}} to schedule offer call.
%% meeting_notes/014
Standup {{?WEEKDAY}}
- done: {{?TICKET_ID}}, {{?TICKET_ID}}
- doing: flaky test in {{?PATH}}
- blocked: waiting on {{?DEPARTMENT}}
%% meeting_notes/015
Offsite planning: {{?CITY}}, {{?DATE}}-{{?DATE}}, {{?HOTEL}}, budget {{?PRICE}} per person. Travel booked via {{?COMPANY}}.
%% meeting_notes/016
Security review: test account {{USERNAME}} still has admin on prod; password {{PASSWORD}} was shared in the doc - rotate today.
%% meeting_notes/017
Compte rendu réunion {{?DATE}} : présents {{PERSON#1}}, {{PERSON#2}}. {{CONTEXT}}. Prochaine réunion {{?WEEKDAY}}.
%% meeting_notes/018
Parking lot: pricing page redesign, {{?PRODUCT}} bundle, {{?COUNTRY}} launch.
%% meeting_notes/019
Notes: {{PERSON}} will share the new on-call rota; her number for escalations is {{PHONE_NUMBER}}.
%% meeting_notes/020
Design review: decided on Postgres over Mongo; estimated {{?DURATION}} to migrate {{?FILE_SIZE}} of data.
%% meeting_notes/021
Town hall Q&A: "When is the {{?CITY}} office opening?" - planned for {{?MONTH}}.
%% meeting_notes/022
Call with landlord {{PERSON}} re office at {{STREET_ADDRESS}}: lease renewal at {{?PRICE}}/month. {{CONTEXT}}.
%% meeting_notes/023
Actions:
* {{PERSON#1}} -> rotate the leaked key {{SECRET}}
* {{PERSON#2}} -> notify {{?COMPANY}} support
* all -> review access logs for {{IP_ADDRESS}}
%% meeting_notes/024
KPIs {{?MONTH}}: MAU {{?NUMBER}}k, conversion {{?PERCENT}}, churn {{?PERCENT}}.
%% meeting_notes/025
Reunión {{?DATE}}: asistentes {{PERSON#1}} y {{PERSON#2}}. Se acuerda enviar la propuesta a {{EMAIL_ADDRESS}}.
%% meeting_notes/026
Vendor contact for the pilot: {{PERSON}} ({{URL}}). Kickoff {{?WEEKDAY}} at {{?TIME}}.
%% meeting_notes/027
Notes {{?DATE}} - brainstorm names for the new tier: "Plus", "Growth", "Scale". Vote next week.
%% meeting_notes/028
Guest list for the client dinner: {{PERSON#1}}, {{PERSON#2}}, {{PERSON#3}}. Table booked for {{?TIME}}. {{CONTEXT}}.
%% meeting_notes/029
Payroll meeting: new joiner {{PERSON}} missing IBAN; HR has {{IBAN_CODE}} from the contract, confirm before run on {{?DATE}}.
%% meeting_notes/030
Post-mortem owner: {{?DEPARTMENT}}. Publish by {{?DATE}}. Customer comms via status page.
%% meeting_notes/031
Recording and slides uploaded to the {{?DEPARTMENT}} drive ({{?FILE_SIZE}}).
%% meeting_notes/032
Daily scrum - {{USERNAME#1}} fixing login bug, {{USERNAME#2}} on vacation until {{?DATE}}, {{USERNAME#3}} reviewing PRs.
%% meeting_notes/033
Legal sync: passport copy for {{PERSON}} ({{PASSPORT}}) needed for the notary on {{?DATE}}.
%% meeting_notes/034
Riunione {{?DATE}}: presenti {{?NUMBER}} persone. Approvato il budget di {{?PRICE}} per {{?DEPARTMENT}}.
%% meeting_notes/035
Notes: {{PERSON}} mentioned {{CONTEXT}}. Follow up after {{?DATE}}.
%% meeting_notes/036
Onboarding sync: new hire {{PERSON}} still needs to bring SSN card ({{US_SSN}} on the offer form) and a driver license ({{US_DRIVER_LICENSE}}) for I-9.
%% meeting_notes/037
Procurement: pay {{?COMPANY}} deposit with the team card {{CREDIT_CARD}}; {{CONTEXT}}.
%% meeting_notes/038
Retro comment (anonymous): "{{CONTEXT}}"
%% meeting_notes/039
IT sync: blocked {{IP_ADDRESS}} after brute-force attempts on {{USERNAME}}. {{CONTEXT}}.
%% meeting_notes/040
Partner intro: {{PERSON}} - see {{URL}}. Shares passport copy ({{PASSPORT}}) for the visa letter.
%% meeting_notes/041
Action items
- {{PERSON#1}}: draft the proposal
- {{PERSON#2}}: review by {{?WEEKDAY}}
- {{PERSON#1}} + {{PERSON#2}}: present to {{?DEPARTMENT}} on {{?DATE}}
"""
