# ruff: noqa: E501
"""Templates of genre ``crm_note``: sales/account notes, call logs, lead records."""

GENRE = "crm_note"

RAW = r"""
%% crm_note/001
Call with {{PERSON}} ({{?JOB_TITLE}}, {{?COMPANY}}): interested in {{?PLAN}} for {{?NUMBER}} seats. Follow up {{?WEEKDAY}}.
%% crm_note/002
Lead source: webinar {{?MONTH}}. Company size {{?NUMBER}}. Industry: logistics. Score {{?PERCENT}}.
%% crm_note/003
Contact: {{PERSON}}
Email: {{EMAIL_ADDRESS}}
Phone: {{PHONE_NUMBER}}
LinkedIn: {{URL}}
Stage: Proposal
%% crm_note/004
Deal {{?ORDER_ID}} moved to Closed Won - {{?PRICE}} ARR, start {{?DATE}}.
%% crm_note/005
Left voicemail for {{PERSON}} at {{PHONE_NUMBER}}. Will try again {{?WEEKDAY}} {{?TIME}}.
%% crm_note/006
Renewal risk: usage down {{?PERCENT}} since {{?MONTH}}; champion left {{?COMPANY}}. Schedule QBR.
%% crm_note/007
Met {{PERSON#1}} and {{PERSON#2}} at the {{?CITY}} trade fair. {{PERSON#1}} wants a demo of {{?PRODUCT}}; send deck to {{EMAIL_ADDRESS}}.
%% crm_note/008
Note: customer prefers contact via WhatsApp only. {{CONTEXT}}.
%% crm_note/009
Account {{?COMPANY}} - billing address updated to {{STREET_ADDRESS}}, AP contact {{PERSON}}.
%% crm_note/010
Churned: moved to a competitor over price ({{?PRICE}} vs {{?PRICE}}). Win-back in {{?DURATION}}.
%% crm_note/011
Kunde {{PERSON}} hat angerufen, möchte Vertrag kündigen. Rückruf unter {{PHONE_NUMBER}} erbeten. {{CONTEXT}}.
%% crm_note/012
Pipeline review {{?DATE}}: {{?NUMBER}} open deals, weighted {{?PRICE}}, {{?PERCENT}} in negotiation.
%% crm_note/013
Demo done. Tech contact {{PERSON}} asked for API docs and a sandbox key; sent sandbox credentials (user {{USERNAME}}).
%% crm_note/014
Customer asked us to delete their personal data. Ticket {{?TICKET_ID}} opened with {{?DEPARTMENT}}.
%% crm_note/015
Inbound lead: {{PERSON}}, {{EMAIL_ADDRESS}}, from {{?CITY}}, {{?COUNTRY}}. Message: "{{CONTEXT}}"
%% crm_note/016
Upsell opportunity: {{?PRODUCT}} add-on, estimated {{?PRICE}}/yr. Owner: {{?DEPARTMENT}}.
%% crm_note/017
VIP customer {{PERSON}} - DOB {{DATE_OF_BIRTH}} (send birthday voucher), home {{STREET_ADDRESS}}.
%% crm_note/018
Email opened {{?NUMBER}} times, clicked pricing link. No reply yet. Sequence step 3 of 5.
%% crm_note/019
Rendez-vous avec {{PERSON}} le {{?DATE}} à {{?TIME}} pour présenter l'offre {{?PLAN}}. Tél. {{PHONE_NUMBER}}.
%% crm_note/020
Partner referral from {{?COMPANY}}; contact {{PERSON}} on {{URL}}.
%% crm_note/021
Support escalation summary attached; customer satisfaction {{?PERCENT}} after fix in {{?VERSION}}.
%% crm_note/022
Credit check: {{PERSON}}, national ID {{NATIONAL_ID}}, result A. Payment terms net 60 approved.
%% crm_note/023
Duplicate contacts merged: {{EMAIL_ADDRESS#1}} and {{EMAIL_ADDRESS#2}} now one record.
%% crm_note/024
Quote {{?INVOICE_NO}} sent: {{?NUMBER}} licenses @ {{?PRICE}}, {{?PERCENT}} multi-year discount.
%% crm_note/025
Customer {{PERSON}} paid the deposit from account {{BANK_ACCOUNT}}; finance confirmed {{?DATE}}.
%% crm_note/026
Territory reassigned: {{?COUNTRY}} accounts move to {{?DEPARTMENT}} team from {{?DATE}}.
%% crm_note/027
Spoke w/ {{PERSON}} - she's moving to {{?COMPANY}} next month, new email {{EMAIL_ADDRESS}}. {{CONTEXT}}.
%% crm_note/028
NPS survey response: 9. Comment: "onboarding was fast, reporting could be better."
%% crm_note/029
Event follow-up: {{?NUMBER}} badge scans at booth, {{?NUMBER}} qualified.
%% crm_note/030
Social: found {{PERSON}}'s profile {{URL}} - posts about migrating off {{?PRODUCT}}. Good timing.
%% crm_note/031
Trial account {{USERNAME}} created for {{PERSON}}, expires {{?DATE}}. {{CONTEXT}}.
%% crm_note/032
Contract sent via e-sign on {{?DATE}}, reminder scheduled in {{?DURATION}}.
%% crm_note/033
Delivery address for the welcome kit: {{PERSON}}, {{STREET_ADDRESS}}, {{PHONE_NUMBER}}.
%% crm_note/034
Cliente {{PERSON}} interesado en {{?PRODUCT}}; enviar presupuesto a {{EMAIL_ADDRESS}} antes del {{?DATE}}.
%% crm_note/035
Forecast {{?MONTH}}: commit {{?PRICE}}, best case {{?PRICE}}.
%% crm_note/036
Customer {{PERSON}} gave card {{CREDIT_CARD}} over the phone for the deposit - entered in the payment terminal, do NOT store in notes. {{CONTEXT}}.
%% crm_note/037
Lead enrichment: {{PERSON}}, {{?JOB_TITLE}}, profile {{URL}}. {{CONTEXT}}.
%% crm_note/038
Identity verified for high-value order: DL {{US_DRIVER_LICENSE}}, DOB {{DATE_OF_BIRTH}}.
%% crm_note/039
Last touch: {{?DATE}}. {{CONTEXT}}.
%% crm_note/040
Customer portal access created: {{USERNAME}} / {{PASSWORD}} - asked {{PERSON}} to change it on first login.
%% crm_note/041
Prospect's company page {{URL}}; decision maker {{PERSON}} logged in from {{IP_ADDRESS}} to view pricing twice.
%% crm_note/042
{{PERSON#1}} called again about the renewal. Told {{PERSON#1}} we'd send the updated quote to {{EMAIL_ADDRESS#1}} today; resent to {{EMAIL_ADDRESS#1}} at {{?TIME}}.
"""
