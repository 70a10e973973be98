# ruff: noqa: E501
"""Templates of genre ``hr_record``: personnel files, onboarding, payroll, reviews."""

GENRE = "hr_record"

RAW = r"""
%% hr_record/001
EMPLOYEE RECORD
Name: {{PERSON}}
Employee ID: E-{{?NUMBER}}
Department: {{?DEPARTMENT}}
Title: {{?JOB_TITLE}}
Start date: {{?DATE}}
%% hr_record/002
Payroll change: {{PERSON}} - new bank account {{BANK_ACCOUNT}} from {{?MONTH}} payroll run.
%% hr_record/003
Headcount {{?MONTH}}: {{?DEPARTMENT}} {{?NUMBER}}, {{?DEPARTMENT}} {{?NUMBER}}, attrition {{?PERCENT}}.
%% hr_record/004
Onboarding checklist for {{PERSON#1}}
- Laptop ordered ({{?SKU}})
- Accounts: username {{USERNAME}}, temp password {{PASSWORD}}
- Buddy: {{PERSON#2}}
%% hr_record/005
I-9 verification: {{PERSON}} presented passport {{PASSPORT}} (List A). SSN {{US_SSN}}. Verified by {{?DEPARTMENT}} on {{?DATE}}.
%% hr_record/006
Personalakte: {{PERSON}}, geb. {{DATE_OF_BIRTH}}, Steuer-ID {{NATIONAL_ID}}, IBAN {{IBAN_CODE}}, Eintritt {{?DATE}}.
%% hr_record/007
Performance review {{?MONTH}}: meets expectations. Strengths: ownership, communication. Goal for next cycle: mentor one junior {{?JOB_TITLE}}.
%% hr_record/008
Salary band for {{?JOB_TITLE}} ({{?CITY}}): {{?PRICE}} - {{?PRICE}}. Approved by {{?DEPARTMENT}}.
%% hr_record/009
Leave request: {{PERSON}} - {{?DATE}} to {{?DATE}} ({{?NUMBER}} days), approved.
%% hr_record/010
Offboarding {{PERSON}}: revoke access for {{USERNAME}} on {{?DATE}}, collect badge and laptop {{?SKU}}, final pay to account {{BANK_ACCOUNT}}.
%% hr_record/011
New hire data
Legal name: {{PERSON}}
Date of birth: {{DATE_OF_BIRTH}}
Home address: {{STREET_ADDRESS}}
Personal email: {{EMAIL_ADDRESS}}
Mobile: {{PHONE_NUMBER}}
Notes: {{CONTEXT}}
%% hr_record/012
Training completion: Security Awareness {{?VERSION}} - {{?PERCENT}} of {{?DEPARTMENT}} completed by {{?DATE}}.
%% hr_record/013
Background check ordered for {{PERSON}}: SSN {{US_SSN}}, DL {{US_DRIVER_LICENSE}}, DOB {{DATE_OF_BIRTH}}.
%% hr_record/014
Job posting: {{?JOB_TITLE}}, {{?DEPARTMENT}}, {{?CITY}} (hybrid). Salary {{?PRICE}}. Apply by {{?DATE}}.
%% hr_record/015
Emergency contact on file for {{PERSON#1}}: {{PERSON#2}}, {{PHONE_NUMBER}}. {{CONTEXT}}.
%% hr_record/016
Relocation package approved: {{?PRICE}} lump sum, temporary housing at {{?HOTEL}} for {{?DURATION}}.
%% hr_record/017
Dossier salarié : {{PERSON}}, numéro de sécurité sociale {{NATIONAL_ID}}, date de naissance {{DATE_OF_BIRTH}}, poste {{?JOB_TITLE}}.
%% hr_record/018
Org change effective {{?DATE}}: {{?DEPARTMENT}} merges into {{?DEPARTMENT}}; {{?NUMBER}} roles affected, no layoffs.
%% hr_record/019
Exit interview notes - reason for leaving: relocation. Would rehire: yes. {{CONTEXT}}.
%% hr_record/020
Visa sponsorship: {{PERSON}}, passport {{PASSPORT}}, nationality {{?COUNTRY}}, DOB {{DATE_OF_BIRTH}}. Petition filed {{?DATE}}.
%% hr_record/021
Benefits enrolment window opens {{?DATE}} and closes {{?DATE}}. Plans: Basic, Plus, Family.
%% hr_record/022
Time sheet week {{?NUMBER}}: {{?NUMBER}} h regular, {{?NUMBER}} h overtime. Approved by team lead.
%% hr_record/023
Reference check for {{PERSON#1}}: spoke with former manager {{PERSON#2}} at {{?COMPANY}} ({{PHONE_NUMBER}}). Positive.
%% hr_record/024
Company car assigned to {{PERSON}}: plate on file, driver license {{US_DRIVER_LICENSE}} checked {{?DATE}}.
%% hr_record/025
Bonus payout {{?MONTH}}: {{?PERCENT}} of base for all {{?DEPARTMENT}} staff.
%% hr_record/026
Candidate: {{PERSON}} | {{EMAIL_ADDRESS}} | {{URL}} | stage: onsite interview {{?WEEKDAY}}.
%% hr_record/027
Sick leave recorded {{?DATE}} - {{?DATE}}, certificate received. Return-to-work meeting {{?WEEKDAY}}.
%% hr_record/028
Expediente: {{PERSON}}, DNI {{NATIONAL_ID}}, cuenta {{IBAN_CODE}}, categoría {{?JOB_TITLE}}.
%% hr_record/029
Policy update {{?VERSION}}: remote work allowance raised to {{?PRICE}} per month.
%% hr_record/030
Disciplinary note (confidential): {{PERSON}}, {{?DATE}}. Verbal warning for repeated late arrivals. {{CONTEXT}}.
%% hr_record/031
Payslip {{?MONTH}}: gross {{?AMOUNT}}, tax {{?AMOUNT}}, net {{?AMOUNT}} {{?CURRENCY}}. Paid to {{IBAN_CODE}}.
%% hr_record/032
Interview panel for {{?JOB_TITLE}}: {{?DEPARTMENT}} x2, {{?DEPARTMENT}} x1. Slots {{?WEEKDAY}} {{?TIME}}.
%% hr_record/033
Address update: {{PERSON}} moved to {{STREET_ADDRESS}} effective {{?DATE}}. Update tax withholding state.
%% hr_record/034
Open positions: {{?NUMBER}}. Offers out: {{?NUMBER}}. Time to hire median {{?DURATION}}.
%% hr_record/035
HRIS account created for {{PERSON}} - login {{USERNAME}}, SSO via {{?COMPANY}}. {{CONTEXT}}.
%% hr_record/036
Payroll setup: {{PERSON}}, SSN {{US_SSN}}, direct deposit to {{BANK_ACCOUNT}}, W-4 received {{?DATE}}.
%% hr_record/037
Driver eligibility for company car: {{PERSON}}, license {{US_DRIVER_LICENSE}}, no violations. {{CONTEXT}}.
%% hr_record/038
Corporate card issued to {{PERSON}}: {{CREDIT_CARD}}, limit {{?PRICE}}. {{CONTEXT}}.
%% hr_record/039
Manager feedback: "{{CONTEXT}}" - shared with {{PERSON}} in 1:1 on {{?DATE}}.
%% hr_record/040
IT provisioning for {{PERSON}}: laptop {{?SKU}}, VPN profile bound to {{IP_ADDRESS}}, GitHub {{URL}}.
%% hr_record/041
Contractor onboarding: {{PERSON}}, national ID {{NATIONAL_ID}}, passport {{PASSPORT}}, invoices to {{EMAIL_ADDRESS}}. {{CONTEXT}}.
%% hr_record/042
Offer letter
Dear {{PERSON#1}},
we are pleased to offer you the position of {{?JOB_TITLE}} starting {{?DATE}}, annual salary {{?PRICE}}.
Accepted and signed: {{PERSON#1}}, {{?DATE}}
"""
