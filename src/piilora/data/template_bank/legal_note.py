# ruff: noqa: E501
"""Templates of genre ``legal_note``: case notes, contract clauses, court filings, notices."""

GENRE = "legal_note"

RAW = r"""
%% legal_note/001
Case No. {{?CASE_NO}}
Plaintiff: {{PERSON#1}}
Defendant: {{PERSON#2}}
Filed: {{?DATE}}
Next hearing: {{?DATE}} at {{?TIME}}, {{?ROOM}}.
%% legal_note/002
This Agreement is entered into on {{?DATE}} between {{?COMPANY}} ("Supplier") and {{?COMPANY}} ("Customer"). Term: 24 months.
%% legal_note/003
Client intake: {{PERSON}}, residing at {{STREET_ADDRESS}}, national ID {{NATIONAL_ID}}. Matter: landlord dispute. Conflict check clear.
%% legal_note/004
Section 7.2 Limitation of liability. Neither party's aggregate liability shall exceed {{?PRICE}} or the fees paid in the preceding 12 months, whichever is greater.
%% legal_note/005
Memo to file - {{?CASE_NO}}
Spoke with opposing counsel {{PERSON}} ({{PHONE_NUMBER}}). They propose settlement of {{?PRICE}}. Client to decide by {{?DATE}}.
%% legal_note/006
Notice of change of registered office: effective {{?DATE}}, the registered office of {{?COMPANY}} moves to {{?CITY}}.
%% legal_note/007
AFFIDAVIT
I, {{PERSON#1}}, born {{DATE_OF_BIRTH}}, holder of passport {{PASSPORT}}, declare under penalty of perjury that the statements above are true.
Signed: {{PERSON#1}}
%% legal_note/008
The hearing in {{?CASE_NO}} is adjourned to {{?WEEKDAY}} {{?DATE}}. Parties to file written submissions within {{?DURATION}}.
%% legal_note/009
Power of attorney: {{PERSON#1}} (ID {{NATIONAL_ID}}) appoints {{PERSON#2}} to act on their behalf in all matters relating to the sale of the property at {{STREET_ADDRESS}}.
%% legal_note/010
Billing note: {{?DURATION}} drafting motion to dismiss, rate {{?PRICE}}/h, matter {{?CASE_NO}}.
%% legal_note/011
Settlement payment of {{?PRICE}} to be wired to the client trust account {{BANK_ACCOUNT}} within 10 business days of execution.
%% legal_note/012
Aktenvermerk {{?CASE_NO}}: Mandant {{PERSON}} erschien am {{?DATE}}. Personalausweis-Nr. {{NATIONAL_ID}} geprüft. Vollmacht liegt vor.
%% legal_note/013
Clause 12 (Governing law). This Agreement is governed by the laws of {{?COUNTRY}}; courts of {{?CITY}} have exclusive jurisdiction.
%% legal_note/014
Subpoena response: produced {{?NUMBER}} documents ({{?FILE_SIZE}}) from custodian {{PERSON}}, mailbox {{EMAIL_ADDRESS}}, date range {{?DATE}} - {{?DATE}}.
%% legal_note/015
Deadline reminder: reply brief in {{?CASE_NO}} due {{?DATE}}.
%% legal_note/016
Witness statement of {{PERSON}}, of {{STREET_ADDRESS}}. {{CONTEXT}}. I make this statement from my own knowledge.
%% legal_note/017
Trademark filing {{?CASE_NO}} for "{{?PRODUCT}}" published for opposition on {{?DATE}}; no oppositions received.
%% legal_note/018
GDPR request received {{?DATE}} from {{PERSON}} ({{EMAIL_ADDRESS}}): access + erasure. Statutory deadline {{?DATE}}. Identity verified via passport {{PASSPORT}}.
%% legal_note/019
Per Section 4.1, invoices are payable within 30 days; late payments accrue interest at {{?PERCENT}} per annum.
%% legal_note/020
Demand letter sent to debtor {{PERSON}}, {{STREET_ADDRESS}}, for outstanding amount {{?PRICE}} plus costs. {{CONTEXT}}.
%% legal_note/021
Court fee of {{?PRICE}} paid on {{?DATE}}, receipt {{?INVOICE_NO}}.
%% legal_note/022
Background check summary: {{PERSON}}, SSN {{US_SSN}}, DL {{US_DRIVER_LICENSE}}. No records found in county searches.
%% legal_note/023
NDA signed by {{?COMPANY}} and {{?COMPANY}} on {{?DATE}}. Confidentiality period: 5 years. Original filed in {{?ROOM}}.
%% legal_note/024
Acte de naissance demandé pour {{PERSON}}, né(e) le {{DATE_OF_BIRTH}} à {{?CITY}}. Dossier {{?CASE_NO}}.
%% legal_note/025
Call log: client {{PERSON}} called at {{?TIME}} re {{?CASE_NO}}; wants update on the appeal. Callback requested to {{PHONE_NUMBER}}. {{CONTEXT}}.
%% legal_note/026
Contract renewal: price increase capped at {{?PERCENT}}; auto-renews on {{?DATE}} unless terminated with 90 days notice.
%% legal_note/027
Exhibit C - transaction records for IBAN {{IBAN_CODE}} between {{?DATE}} and {{?DATE}}, produced by {{?COMPANY}}.
%% legal_note/028
Estate of {{PERSON#1}} (deceased {{?DATE}}, born {{DATE_OF_BIRTH}}). Executor: {{PERSON#2}}. Assets include account {{BANK_ACCOUNT}}.
%% legal_note/029
Privilege log entry {{?NUMBER}}: email dated {{?DATE}}, attorney-client communication, withheld in full.
%% legal_note/030
Juzgado de Primera Instancia de {{?CITY}}, procedimiento {{?CASE_NO}}. Demandante: {{PERSON}}, DNI {{NATIONAL_ID}}.
%% legal_note/031
Electronic evidence: login records show account {{USERNAME}} accessed from {{IP_ADDRESS}} on {{?DATE}} at {{?TIME}}.
%% legal_note/032
Annex 2: service levels - availability {{?PERCENT}} monthly; response time P1 {{?DURATION}}; service credits up to {{?PERCENT}} of monthly fees.
%% legal_note/033
Mediation scheduled for {{?DATE}} in {{?CITY}}. Mediator fee split 50/50 between the parties.
%% legal_note/034
The licensee shall not publish the licensor's website {{URL}} or social media content without written consent. {{CONTEXT}}.
%% legal_note/035
Tenant {{PERSON}} - lease at {{STREET_ADDRESS}} terminated effective {{?DATE}}; deposit of {{?PRICE}} to be returned to {{IBAN_CODE}}.
%% legal_note/036
Client {{PERSON}} supplied driver license {{US_DRIVER_LICENSE}} and SSN {{US_SSN}} for the name-change petition. {{CONTEXT}}.
%% legal_note/037
Fraud complaint: unauthorised charges on card {{CREDIT_CARD}} between {{?DATE}} and {{?DATE}}. Complainant {{PERSON}}. {{CONTEXT}}.
%% legal_note/038
Evidence list item {{?NUMBER}}: screenshot of chat with {{USERNAME}} stating "{{CONTEXT}}".
%% legal_note/039
Engagement letter sent to {{PERSON}} ({{EMAIL_ADDRESS}}); retainer {{?PRICE}} payable to account {{BANK_ACCOUNT}}.
%% legal_note/040
Forensic report: the defendant's account {{USERNAME}} used password {{PASSWORD}} on {{?DATE}}; sessions originated from {{IP_ADDRESS#1}} and {{IP_ADDRESS#2}}.
%% legal_note/041
Exhibit D: printout of {{URL}} as of {{?DATE}}, showing the defamatory post by {{PERSON}}.
%% legal_note/042
This purchase agreement is made between {{PERSON#1}} (the "Seller") and {{PERSON#2}} (the "Buyer"). The Seller, {{PERSON#1}}, warrants clear title to the property at {{STREET_ADDRESS}}. The Buyer, {{PERSON#2}}, pays {{?PRICE}}.
"""
