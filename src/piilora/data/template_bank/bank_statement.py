# ruff: noqa: E501
"""Templates of genre ``bank_statement``: statements, transaction lines, transfer confirmations."""

GENRE = "bank_statement"

RAW = r"""
%% bank_statement/001
Account statement {{?MONTH}}
Account holder: {{PERSON}}
IBAN: {{IBAN_CODE}}
Opening balance: {{?AMOUNT}}
Closing balance: {{?AMOUNT}}
%% bank_statement/002
{{?DATE}}  CARD PAYMENT  {{?MERCHANT}}  {{?AMOUNT}}
{{?DATE}}  CARD PAYMENT  {{?MERCHANT}}  {{?AMOUNT}}
{{?DATE}}  STANDING ORDER  {{?COMPANY}}  {{?AMOUNT}}
%% bank_statement/003
{{?DATE}} SEPA TRANSFER TO {{PERSON}} {{IBAN_CODE}} REF {{?PAYMENT_REF}} {{?AMOUNT}}
%% bank_statement/004
Transfer confirmation
From: {{BANK_ACCOUNT#1}}
To: {{BANK_ACCOUNT#2}} ({{PERSON}})
Amount: {{?PRICE}}
Execution date: {{?DATE}}
Reference: {{?INVOICE_NO}}
%% bank_statement/005
Interest credited {{?DATE}}: {{?AMOUNT}} ({{?PERCENT}} p.a.)
%% bank_statement/006
Kontoauszug Nr. {{?NUMBER}}/{{?NUMBER}}
{{?DATE}} Lastschrift {{?MERCHANT}} {{?AMOUNT}} EUR
{{?DATE}} Gutschrift Gehalt {{?COMPANY}} {{?AMOUNT}} EUR
%% bank_statement/007
Card {{CREDIT_CARD}} - transactions {{?DATE}} to {{?DATE}}
{{?MERCHANT}}  {{?AMOUNT}}
{{?MERCHANT}}  {{?AMOUNT}}
%% bank_statement/008
Monthly fee: {{?PRICE}}. Overdraft limit: {{?PRICE}}. Effective interest rate {{?PERCENT}}.
%% bank_statement/009
{{?DATE}} INCOMING TRANSFER FROM {{PERSON}} ACC {{BANK_ACCOUNT}} "{{CONTEXT}}" +{{?AMOUNT}}
%% bank_statement/010
{{?DATE}}|ATM WITHDRAWAL {{?CITY}}|{{?AMOUNT}}|{{?AMOUNT}}
{{?DATE}}|POS {{?MERCHANT}}|{{?AMOUNT}}|{{?AMOUNT}}
%% bank_statement/011
Relevé de compte - titulaire {{PERSON}} - IBAN {{IBAN_CODE}} - période {{?MONTH}}. Solde {{?AMOUNT}} EUR.
%% bank_statement/012
Direct debit returned: {{?MERCHANT}} {{?AMOUNT}} - reason {{?ERROR_CODE}}. Fee {{?PRICE}}.
%% bank_statement/013
Statement for account ending {{?NUMBER}}: {{?NUMBER}} transactions, total debits {{?AMOUNT}}, total credits {{?AMOUNT}}.
%% bank_statement/014
Beneficiary added: {{PERSON}}, {{IBAN_CODE}}. Added from device at {{IP_ADDRESS}} on {{?TIMESTAMP}}. {{CONTEXT}}.
%% bank_statement/015
{{?DATE}} PAYPAL *{{?COMPANY}} {{?AMOUNT}}
{{?DATE}} AMAZON MKTPLACE {{?AMOUNT}}
{{?DATE}} SALARY {{?COMPANY}} {{?AMOUNT}}
%% bank_statement/016
Wire received: {{?PRICE}} from {{?COMPANY}}, ordering customer {{PERSON}}, account {{BANK_ACCOUNT}}. {{CONTEXT}}.
%% bank_statement/017
Loan account {{BANK_ACCOUNT}}: installment {{?PRICE}} due {{?DATE}}, remaining principal {{?AMOUNT}}.
%% bank_statement/018
FX: {{?PRICE}} converted to {{?PRICE}} at {{?AMOUNT}}, fee {{?PRICE}}.
%% bank_statement/019
Estratto conto {{?MONTH}} - intestatario {{PERSON}} - {{IBAN_CODE}}. Saldo finale {{?AMOUNT}}.
%% bank_statement/020
Savings goal "Holiday": {{?PERCENT}} reached ({{?PRICE}} of {{?PRICE}}).
%% bank_statement/021
Customer {{PERSON}}, DOB {{DATE_OF_BIRTH}}, SSN {{US_SSN}} - checking {{BANK_ACCOUNT}} opened {{?DATE}}.
%% bank_statement/022
Pending: {{?MERCHANT}} {{?AMOUNT}} (authorised {{?DATE}} {{?TIME}})
%% bank_statement/023
Account summary
Available: {{?AMOUNT}} {{?CURRENCY}}
Blocked: {{?AMOUNT}} {{?CURRENCY}}
Last login: {{?TIMESTAMP}}
%% bank_statement/024
Standing order created: {{?PRICE}} monthly to {{PERSON}} ({{IBAN_CODE}}) starting {{?DATE}}, reference "rent {{?MONTH}}".
%% bank_statement/025
Extracto: {{?DATE}} TRANSFERENCIA A {{PERSON}} {{IBAN_CODE}} {{?AMOUNT}} EUR. {{CONTEXT}}.
%% bank_statement/026
Card replaced: new card {{CREDIT_CARD#2}} replaces {{CREDIT_CARD#1}} (reported stolen {{?DATE}}).
%% bank_statement/027
{{?DATE}} ; {{?MERCHANT}} ; {{?AMOUNT}}
{{?DATE}} ; {{?MERCHANT}} ; {{?AMOUNT}}
{{?DATE}} ; {{?MERCHANT}} ; {{?AMOUNT}}
%% bank_statement/028
Annual account fee statement {{?MONTH}}: account management {{?PRICE}}, card fee {{?PRICE}}, total {{?PRICE}}.
%% bank_statement/029
Dispute opened for {{?MERCHANT}} {{?AMOUNT}} on card {{CREDIT_CARD}}; provisional credit in {{?DURATION}}.
%% bank_statement/030
Online banking user {{USERNAME}} - password changed {{?TIMESTAMP}} from {{IP_ADDRESS}}.
%% bank_statement/031
Rekeningafschrift {{?MONTH}}: {{IBAN_CODE}} t.n.v. {{PERSON}}. Beginsaldo {{?AMOUNT}}, eindsaldo {{?AMOUNT}}.
%% bank_statement/032
Round-ups this week: {{?PRICE}} moved to savings.
%% bank_statement/033
Joint account holders: {{PERSON#1}} and {{PERSON#2}}, account {{BANK_ACCOUNT}}, address {{STREET_ADDRESS}}.
%% bank_statement/034
Cashback earned {{?MONTH}}: {{?PRICE}} at {{?MERCHANT}}, {{?MERCHANT}}.
%% bank_statement/035
{{?DATE}} CARD {{CREDIT_CARD}} {{?MERCHANT}} {{?AMOUNT}} - memo: {{CONTEXT}}
%% bank_statement/036
KYC refresh: {{PERSON}}, passport {{PASSPORT}}, national ID {{NATIONAL_ID}}, driver license {{US_DRIVER_LICENSE}}. {{CONTEXT}}.
%% bank_statement/037
Payment note from {{PERSON}}: "{{CONTEXT}}" - {{?AMOUNT}} received to {{BANK_ACCOUNT}}.
%% bank_statement/038
Tax reporting: account {{BANK_ACCOUNT}}, holder {{PERSON}}, TIN/SSN {{US_SSN}}, interest {{?AMOUNT}}.
%% bank_statement/039
Security: new device registered for online banking user {{USERNAME}} at {{IP_ADDRESS}}. {{CONTEXT}}.
%% bank_statement/040
Account opening documents: {{PERSON}}, national ID {{NATIONAL_ID}}, passport {{PASSPORT}}, IBAN assigned {{IBAN_CODE}}.
%% bank_statement/041
{{?DATE}} TRANSFER FROM {{PERSON#1}} {{IBAN_CODE#1}} {{?AMOUNT}}
{{?DATE}} TRANSFER FROM {{PERSON#1}} {{IBAN_CODE#1}} {{?AMOUNT}}
{{?DATE}} CARD {{?MERCHANT}} {{?AMOUNT}}
%% bank_statement/042
{{?DATE}} CARD PAYMENT {{?MERCHANT}} {{?AMOUNT}} ref {{?PAYMENT_REF}}
{{?DATE}} CARD PAYMENT {{?COMPANY}} {{?AMOUNT}} ref {{?PAYMENT_REF}}
{{?DATE}} STANDING ORDER {{?COMPANY}} {{?AMOUNT}}
%% bank_statement/043
Transfer {{?PAYMENT_REF}} executed on {{?DATE}}: {{?AMOUNT}} {{?CURRENCY}}, fee {{?PRICE}}. PO {{?ORDER_ID}}, invoice {{?INVOICE_NO}}.
%% bank_statement/044
Incoming transfer
From: {{BANK_ACCOUNT}}
Ordering party: {{PERSON}}
Amount: {{?AMOUNT}}
Reference: {{?PAYMENT_REF}}
%% bank_statement/045
Outgoing SEPA transfer {{?PAYMENT_REF}}: credited to {{IBAN_CODE}} ({{PERSON}}), {{?AMOUNT}}, value date {{?DATE}}.
%% bank_statement/046
Security notice: a one-time code was sent to {{PHONE_NUMBER}} for online banking user {{USERNAME}}. If this wasn't you, call us and quote case {{?CASE_NO}}.
%% bank_statement/047
Standing order changed by {{PERSON}}: from account {{BANK_ACCOUNT#1}} to {{BANK_ACCOUNT#2}}, {{?AMOUNT}} monthly. {{CONTEXT}}.
"""
