# ruff: noqa: E501
"""Templates of genre ``clinical_note``: SOAP notes, discharge summaries, referrals, orders."""

GENRE = "clinical_note"

RAW = r"""
%% clinical_note/001
Patient: {{PERSON}}   DOB: {{DATE_OF_BIRTH}}
S: 3 days of sore throat and low-grade fever.
O: {{?VITALS}}, {{?VITALS}}. Pharynx erythematous.
A: {{?ICD_CODE}} acute upper respiratory infection.
P: {{?MEDICATION}} {{?DOSAGE}}, review in {{?DURATION}}.
%% clinical_note/002
Follow-up visit. BP well controlled on {{?MEDICATION}} {{?DOSAGE}}. {{?VITALS}}. Continue current regimen, labs in 3 months.
%% clinical_note/003
DISCHARGE SUMMARY
Name: {{PERSON}}
DOB: {{DATE_OF_BIRTH}}
Admitted: {{?DATE}}  Discharged: {{?DATE}}
Diagnosis: {{?ICD_CODE}}
Discharge meds: {{?MEDICATION}} {{?DOSAGE}}
Follow-up with GP in {{?DURATION}}.
%% clinical_note/004
Referral to {{?DEPARTMENT}}
Dear colleague, I would be grateful if you could see {{PERSON}} (DOB {{DATE_OF_BIRTH}}), who presents with exertional chest pain ({{?ICD_CODE}}). ECG attached.
%% clinical_note/005
Lab results ({{?DATE}}): {{?VITALS}}, LDL 3.1 mmol/L, eGFR 78. No action needed.
%% clinical_note/006
Pt {{PERSON}} called from {{PHONE_NUMBER}} re: side effects of {{?MEDICATION}}. Advised to halve dose to {{?DOSAGE}} and call back if symptoms persist.
%% clinical_note/007
Rx: {{?MEDICATION}} {{?DOSAGE}} x {{?DURATION}}. Refills: 2. Dx {{?ICD_CODE}}.
%% clinical_note/008
Nursing note {{?TIME}}: patient resting, {{?VITALS}}, {{?VITALS}}. Pain 3/10. Mobilised to chair.
%% clinical_note/009
Insurance pre-authorization
Member: {{PERSON}}
Member SSN: {{US_SSN}}
DOB: {{DATE_OF_BIRTH}}
Procedure: MRI lumbar spine, Dx {{?ICD_CODE}}
%% clinical_note/010
Allergies: penicillin (rash). Current meds: {{?MEDICATION}} {{?DOSAGE}}; {{?MEDICATION}} {{?DOSAGE}}.
%% clinical_note/011
Patientin {{PERSON}}, geb. {{DATE_OF_BIRTH}}, stellt sich mit Rückenschmerzen vor. Diagnose {{?ICD_CODE}}. Therapie: {{?MEDICATION}} {{?DOSAGE}}.
%% clinical_note/012
Telehealth consult {{?DATE}} {{?TIME}}. Pt located at {{STREET_ADDRESS}} during visit (required for licensure). {{CONTEXT}}.
%% clinical_note/013
Vaccination record: influenza {{?MONTH}}, lot {{?SKU}}, left deltoid. No adverse reaction observed in {{?DURATION}}.
%% clinical_note/014
Emergency contact for {{PERSON#1}}: {{PERSON#2}} (daughter), {{PHONE_NUMBER}}.
%% clinical_note/015
ED triage {{?TIME}} - {{?VITALS}}, {{?VITALS}}, {{?VITALS}}. Category 3. Seen by {{?DEPARTMENT}}.
%% clinical_note/016
Patient portal message from {{PERSON}} ({{EMAIL_ADDRESS}}): "{{CONTEXT}}" - forwarded to nurse line.
%% clinical_note/017
Compte rendu : patient {{PERSON}}, né le {{DATE_OF_BIRTH}}, numéro de sécurité sociale {{NATIONAL_ID}}. Diagnostic {{?ICD_CODE}}.
%% clinical_note/018
Radiology: chest X-ray {{?DATE}} - no acute cardiopulmonary process. Compared with prior study from {{?DATE}}.
%% clinical_note/019
Physio plan: 2x weekly for {{?DURATION}}, home exercises, re-assess at week 6. Goal: return to running.
%% clinical_note/020
Billing: visit coded {{?ICD_CODE}}, charge {{?PRICE}}, insurer {{?COMPANY}}, claim {{?CASE_NO}}.
%% clinical_note/021
Consent obtained from {{PERSON#1}} for procedure. Witness: {{PERSON#2}}, RN. Time: {{?TIME}}.
%% clinical_note/022
Medication reconciliation completed. Stopped {{?MEDICATION}} (duplicate therapy). Started {{?MEDICATION}} {{?DOSAGE}}.
%% clinical_note/023
Pediatric well visit: weight {{?QUANTITY}}, height percentile {{?PERCENT}}. Vaccines up to date. Next visit in {{?DURATION}}.
%% clinical_note/024
Patient identifiers: MRN {{?NUMBER}}, name {{PERSON}}, DOB {{DATE_OF_BIRTH}}, home {{STREET_ADDRESS}}, mobile {{PHONE_NUMBER}}.
%% clinical_note/025
Post-op day 2. Wound clean and dry. {{?VITALS}}. Plan discharge {{?WEEKDAY}} if stable.
%% clinical_note/026
Paciente {{PERSON}}, fecha de nacimiento {{DATE_OF_BIRTH}}. Acude por dolor abdominal. Dx {{?ICD_CODE}}. {{CONTEXT}}.
%% clinical_note/027
Occupational health: employee {{PERSON}} cleared for return to work from {{?DATE}}. Restrictions: no lifting over 10 kg for {{?DURATION}}.
%% clinical_note/028
Note: patient asked that results be emailed to {{EMAIL_ADDRESS}} instead of posted. {{CONTEXT}}.
%% clinical_note/029
Sleep study summary: AHI 22/h, lowest {{?VITALS}}. Moderate OSA. CPAP titration recommended.
%% clinical_note/030
Prior authorization denied by {{?COMPANY}} for {{?MEDICATION}}; appeal filed under {{?CASE_NO}}. Patient notified.
%% clinical_note/031
Identity check at registration: driver license {{US_DRIVER_LICENSE}} matches {{PERSON}}, DOB {{DATE_OF_BIRTH}}.
%% clinical_note/032
Interpreter requested (Italian) for appointment on {{?DATE}} at {{?TIME}} in {{?ROOM}}.
%% clinical_note/033
Patient's insurance card: policy {{?HEX_ID}}, holder {{PERSON}}, holder DOB {{DATE_OF_BIRTH}}. Copay {{?PRICE}}.
%% clinical_note/034
Pharmacy fax: refill for {{?MEDICATION}} {{?DOSAGE}} approved, {{?QUANTITY}}, 1 refill.
%% clinical_note/035
Home visit to {{PERSON}} at {{STREET_ADDRESS}}. Lives alone, daughter checks in daily. {{?VITALS}}.
%% clinical_note/036
Research consent: participant code {{?HEX_ID}}. Name and contact details ({{PERSON}}, {{PHONE_NUMBER}}) stored separately in the site file.
%% clinical_note/037
Medicare/insurance verification: {{PERSON}}, SSN {{US_SSN}}, DOB {{DATE_OF_BIRTH}}. Eligible. {{CONTEXT}}.
%% clinical_note/038
Social history: lives with partner, works as {{?JOB_TITLE}}. Patient states "{{CONTEXT}}".
%% clinical_note/039
Transport arranged for {{PERSON}} from {{STREET_ADDRESS}} to clinic on {{?DATE}}. Driver to call {{PHONE_NUMBER}}. {{CONTEXT}}.
%% clinical_note/040
Copay paid by card {{CREDIT_CARD}} ({{?PRICE}}), receipt emailed to {{EMAIL_ADDRESS}}.
%% clinical_note/041
Patient portal: account {{USERNAME}} reset, temporary password {{PASSWORD}} given by phone after identity check (DOB {{DATE_OF_BIRTH}}).
%% clinical_note/042
Overseas patient: {{PERSON}}, passport {{PASSPORT}}, national ID {{NATIONAL_ID}}. Self-pay. {{CONTEXT}}.
%% clinical_note/043
Discussed diagnosis ({{?ICD_CODE}}) and treatment options with {{PERSON#1}}. {{PERSON#1}} verbalized understanding and agrees to start {{?MEDICATION}} {{?DOSAGE}}. {{CONTEXT}}.
"""
