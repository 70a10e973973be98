# ruff: noqa: E501
"""Templates of genre ``invoice_billing``: invoices, receipts, payment instructions, dunning."""

GENRE = "invoice_billing"

RAW = r"""
%% invoice_billing/001
INVOICE {{?INVOICE_NO}}
Date: {{?DATE}}
Bill to: {{PERSON}}, {{STREET_ADDRESS}}

{{?QUANTITY}} x {{?PRODUCT}}    {{?PRICE}}
VAT {{?PERCENT}}                {{?PRICE}}
TOTAL                           {{?PRICE}}

Pay to IBAN {{IBAN_CODE}}, reference {{?INVOICE_NO}}.
%% invoice_billing/002
Receipt #{{?NUMBER}}
{{?PRODUCT}}  {{?PRICE}}
{{?PRODUCT}}  {{?PRICE}}
Subtotal {{?PRICE}} | Tax {{?PRICE}} | Total {{?PRICE}}
Thank you for shopping at {{?COMPANY}}!
%% invoice_billing/003
Rechnung {{?INVOICE_NO}} vom {{?DATE}}
Leistungszeitraum: {{?MONTH}}
Nettobetrag: {{?PRICE}}
USt. {{?PERCENT}}: {{?PRICE}}
Bitte überweisen Sie den Betrag auf das Konto {{IBAN_CODE}} (Kontoinhaber {{PERSON}}).
%% invoice_billing/004
Payment reminder: invoice {{?INVOICE_NO}} ({{?PRICE}}) was due on {{?DATE}}. Please pay within 7 days to avoid a late fee of {{?PRICE}}.
%% invoice_billing/005
Billing contact: {{PERSON}} <{{EMAIL_ADDRESS}}>
PO number: {{?ORDER_ID}}
Payment terms: net 30
Notes: {{CONTEXT}}
%% invoice_billing/006
Credit note {{?INVOICE_NO}} - refund of {{?PRICE}} for {{?SKU}} returned on {{?DATE}}.
%% invoice_billing/007
Card charged: {{CREDIT_CARD}} ({{PERSON}}), amount {{?PRICE}}, auth {{?HEX_ID}}. {{CONTEXT}}.
%% invoice_billing/008
Usage summary {{?MONTH}}
API calls: {{?NUMBER}}k
Storage: {{?FILE_SIZE}}
Overage: {{?PRICE}}
Plan: {{?PLAN}}
%% invoice_billing/009
FACTURE N° {{?INVOICE_NO}}
Client : {{PERSON}}
Adresse : {{STREET_ADDRESS}}
Montant TTC : {{?PRICE}}
Règlement par virement : {{IBAN_CODE}}
%% invoice_billing/010
Wire instructions
Beneficiary: {{?COMPANY}}
Account number: {{BANK_ACCOUNT}}
Bank: {{?COMPANY}}
Reference: {{?INVOICE_NO}}
%% invoice_billing/011
Line items:
{{?SKU}}  {{?PRODUCT}}  {{?QUANTITY}}  {{?PRICE}}
{{?SKU}}  {{?PRODUCT}}  {{?QUANTITY}}  {{?PRICE}}
Shipping: {{?PRICE}}
%% invoice_billing/012
Subscription renewed: {{?PLAN}}, {{?PRICE}}/yr, next renewal {{?DATE}}. Payment method: card {{CREDIT_CARD}}.
%% invoice_billing/013
Your invoice {{?INVOICE_NO}} is available in the billing portal. Amount due {{?PRICE}} by {{?DATE}}.
%% invoice_billing/014
Direct debit notice: we will collect {{?PRICE}} from {{IBAN_CODE}} on or after {{?DATE}} (mandate {{?PAYMENT_REF}}).
%% invoice_billing/015
Tax invoice - {{?COMPANY}}
VAT ID: on file
Customer: {{PERSON}} ({{EMAIL_ADDRESS}})
Services {{?MONTH}}: {{?PRICE}}
%% invoice_billing/016
Discount applied: {{?PERCENT}} (code WELCOME). New total {{?PRICE}}.
%% invoice_billing/017
FINAL NOTICE: account {{?NUMBER}} is {{?DURATION}} overdue. Outstanding {{?PRICE}}. {{CONTEXT}}.
%% invoice_billing/018
Factura {{?INVOICE_NO}} - {{PERSON}}, NIF {{NATIONAL_ID}}. Base imponible {{?PRICE}}, IVA {{?PERCENT}}, total {{?PRICE}}.
%% invoice_billing/019
Refund to bank account {{BANK_ACCOUNT}} (holder {{PERSON}}) initiated: {{?PRICE}}, ETA {{?DURATION}}.
%% invoice_billing/020
Pro-forma {{?INVOICE_NO}}: {{?QUANTITY}} {{?PRODUCT}} @ {{?PRICE}}. Valid until {{?DATE}}. Delivery {{?DURATION}} after payment.
%% invoice_billing/021
Payment failed for {{EMAIL_ADDRESS}}: {{?ERROR_CODE}}. We'll retry on {{?DATE}}. Update card at billing settings.
%% invoice_billing/022
Fattura n. {{?INVOICE_NO}} del {{?DATE}} - Totale {{?PRICE}} - Pagamento: bonifico su {{IBAN_CODE}}.
%% invoice_billing/023
Statement of account {{?MONTH}}: opening balance {{?AMOUNT}}, invoices {{?AMOUNT}}, payments {{?AMOUNT}}, closing balance {{?AMOUNT}}.
%% invoice_billing/024
Ship to: {{PERSON#1}}, {{STREET_ADDRESS#1}}
Bill to: {{PERSON#2}}, {{STREET_ADDRESS#2}}
Order {{?ORDER_ID}} - {{?PRICE}}
%% invoice_billing/025
Expense receipt: {{?MERCHANT}}, {{?CITY}}, {{?DATE}} {{?TIME}} - {{?PRICE}} (card ****{{?NUMBER}}).
%% invoice_billing/026
Invoice dispute from {{PERSON}}: "{{CONTEXT}}". Put {{?INVOICE_NO}} on hold.
%% invoice_billing/027
Factuur {{?INVOICE_NO}} - te betalen binnen 14 dagen op rekening {{IBAN_CODE}} t.n.v. {{?COMPANY}}.
%% invoice_billing/028
Price list {{?VERSION}}: Starter {{?PRICE}}, Pro {{?PRICE}}, Enterprise on request.
%% invoice_billing/029
Payment confirmation: {{?PRICE}} received from {{PERSON}} via bank transfer ({{?PAYMENT_REF}}). {{CONTEXT}}.
%% invoice_billing/030
Invoice sent to {{EMAIL_ADDRESS#1}}; copy to {{EMAIL_ADDRESS#2}}. Customer PO {{?ORDER_ID}}.
%% invoice_billing/031
Late fee waived for {{?INVOICE_NO}} as a one-time courtesy.
%% invoice_billing/032
Customer {{PERSON}} (login {{USERNAME}}) upgraded to {{?PLAN}} on {{?DATE}}; prorated charge {{?PRICE}}.
%% invoice_billing/033
Currency conversion: {{?PRICE}} = {{?PRICE}} at rate {{?AMOUNT}} ({{?DATE}}).
%% invoice_billing/034
ACH authorization: routing on file, account {{BANK_ACCOUNT}}, holder {{PERSON}}, SSN last four verified ({{US_SSN}} on file).
%% invoice_billing/035
Invoice {{?INVOICE_NO}} voided and reissued as {{?INVOICE_NO}} with corrected VAT.
%% invoice_billing/036
Billing profile updated by {{USERNAME}}: card {{CREDIT_CARD}}, billing email {{EMAIL_ADDRESS}}. {{CONTEXT}}.
%% invoice_billing/037
Note on invoice {{?INVOICE_NO}}: {{CONTEXT}}.
%% invoice_billing/038
W-9 on file for contractor {{PERSON}}: SSN {{US_SSN}}, address {{STREET_ADDRESS}}. 1099 threshold reached ({{?PRICE}}).
%% invoice_billing/039
Invoice {{?INVOICE_NO}} - payable to {{PERSON}}, {{BANK_ACCOUNT}}. {{CONTEXT}}.
%% invoice_billing/040
Customer billing portal: login {{USERNAME}}, initial password {{PASSWORD}}, portal {{?HOSTNAME}}. {{CONTEXT}}.
%% invoice_billing/041
Bill to: {{PERSON#1}}
Invoice {{?INVOICE_NO}}, amount {{?PRICE}}
Please pay by bank transfer to IBAN {{IBAN_CODE#1}}, account holder {{?COMPANY}}.
Questions? Reply to this email, {{PERSON#1}}. Our IBAN again for reference: {{IBAN_CODE#1}}
%% invoice_billing/042
Purchase order {{?ORDER_ID}}
Vendor: {{?COMPANY}}
Item: {{?PRODUCT}} ({{?SKU}}) x {{?QUANTITY}} @ {{?PRICE}}
Delivery: {{?DATE}}
%% invoice_billing/043
Receipt {{?INVOICE_NO}} - {{?COMPANY}}
{{?PRODUCT}}    {{?PRICE}}
{{?PRODUCT}}    {{?PRICE}}
Total {{?PRICE}} (VAT {{?PERCENT}}), payment id {{?UUID}}
%% invoice_billing/044
Remittance advice: {{?PRICE}} for invoice {{?INVOICE_NO}} will be wired to account {{IBAN_CODE}}, please confirm. Contact: {{PERSON}}, {{EMAIL_ADDRESS}}.
%% invoice_billing/045
Invoice {{?INVOICE_NO}}
Bill to: {{?COMPANY}}, attn. {{PERSON}}
Beneficiary acct: {{BANK_ACCOUNT}}
PO number: {{?ORDER_ID}}
Item: {{?PRODUCT}}, {{?PRICE}}
%% invoice_billing/046
Card `{{CREDIT_CARD}}` was declined for the {{?PLAN}} subscription ({{?PRICE}}); retry scheduled. Billing contact {{EMAIL_ADDRESS}}.
%% invoice_billing/047
Dunning notice to {{PERSON}}, {{STREET_ADDRESS}}: {{?PRICE}} overdue since {{?DATE}} for {{?PRODUCT}}. {{CONTEXT}}.
%% invoice_billing/048
Price list update effective {{?DATE}}: {{?PRODUCT}} {{?PRICE}} (was {{?PRICE}}), {{?PRODUCT}} unchanged, shipping by {{?COMPANY}}.
"""
