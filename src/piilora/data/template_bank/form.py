"""Templates of genre ``form``: filled-in web/paper forms, key: value blocks."""

GENRE = "form"

RAW = r"""
%% form/001
Full name: {{PERSON}}
Date of birth: {{DATE_OF_BIRTH}}
Email: {{EMAIL_ADDRESS}}
Phone: {{PHONE_NUMBER}}
Comments: {{CONTEXT}}
%% form/002
APPLICATION FOR DRIVER LICENSE RENEWAL
Name: {{PERSON}}
License No.: {{US_DRIVER_LICENSE}}
Address: {{STREET_ADDRESS}}
DOB: {{DATE_OF_BIRTH}}
%% form/003
Product: {{?PRODUCT}}
Quantity: {{?QUANTITY}}
Unit price: {{?PRICE}}
Delivery date: {{?DATE}}
%% form/004
Nom : {{PERSON}}
Numéro de sécurité sociale / carte d'identité : {{NATIONAL_ID}}
Adresse : {{STREET_ADDRESS}}
Date de naissance : {{DATE_OF_BIRTH}}
%% form/005
[x] I agree to the terms of service ({{?VERSION}})
[ ] Subscribe to the newsletter
Submitted: {{?TIMESTAMP}}
%% form/006
Passport application - Section B
Surname, given names: {{PERSON}}
Previous passport number: {{PASSPORT}}
Place of birth: {{?CITY}}
Date of birth: {{DATE_OF_BIRTH}}
%% form/007
Contact us
Name: {{PERSON}}
Email: {{EMAIL_ADDRESS}}
Message: {{CONTEXT}}.
%% form/008
Room booking
Room: {{?ROOM}}
Date: {{?DATE}}
From: {{?TIME}} To: {{?TIME}}
Department: {{?DEPARTMENT}}
%% form/009
Direct debit mandate
Account holder: {{PERSON}}
IBAN: {{IBAN_CODE}}
Creditor: {{?COMPANY}}, mandate ref {{?PAYMENT_REF}}
Signed on {{?DATE}}
%% form/010
W-4 style worksheet
Employee: {{PERSON}}
SSN: {{US_SSN}}
Home address: {{STREET_ADDRESS}}
Filing status: single
%% form/011
Feedback form
How satisfied are you with {{?PRODUCT}}? 4/5
What could we improve? faster shipping to {{?COUNTRY}}
%% form/012
Create account
Username: {{USERNAME}}
Password: {{PASSWORD#1}}
Confirm password: {{PASSWORD#1}}
%% form/013
Return request
Order number: {{?ORDER_ID}}
Item: {{?SKU}}
Reason: arrived damaged
Refund to: original payment method
%% form/014
Emergency contact
Name: {{PERSON}}
Relationship: spouse
Phone: {{PHONE_NUMBER}}
Notes: {{CONTEXT}}
%% form/015
Payment details
Cardholder: {{PERSON}}
Card number: {{CREDIT_CARD}}
Billing address: {{STREET_ADDRESS}}
%% form/016
Antrag auf Kontoeröffnung
Name: {{PERSON}}
Geburtsdatum: {{DATE_OF_BIRTH}}
Personalausweisnummer: {{NATIONAL_ID}}
Anschrift: {{STREET_ADDRESS}}
%% form/017
Event registration - {{?COMPANY}} Summit {{?MONTH}}
Ticket type: Standard ({{?PRICE}})
Dietary requirements: vegetarian
Session track: {{?DEPARTMENT}}
%% form/018
Vendor onboarding
Company: {{?COMPANY}}
Contact person: {{PERSON}}
Contact email: {{EMAIL_ADDRESS}}
Bank account: {{BANK_ACCOUNT}}
%% form/019
Incident report form
Date: {{?DATE}}   Time: {{?TIME}}
Location: {{?ROOM}}
Description: water leak near the server racks, {{?NUMBER}} units affected.
%% form/020
Rental application
Applicant: {{PERSON}}
Current address: {{STREET_ADDRESS}}
Employer: {{?COMPANY}}, {{?JOB_TITLE}}
Monthly income: {{?PRICE}}
{{CONTEXT}}
%% form/021
Solicitud de empleo
Nombre: {{PERSON}}
DNI/NIE: {{NATIONAL_ID}}
Correo: {{EMAIL_ADDRESS}}
Teléfono: {{PHONE_NUMBER}}
%% form/022
Warranty registration
Serial no.: {{?HEX_ID}}
Model: {{?PRODUCT}}
Purchase date: {{?DATE}}
Store: {{?COMPANY}}, {{?CITY}}
%% form/023
Change of address
Customer ID: {{?NUMBER}}
Old address: {{STREET_ADDRESS#1}}
New address: {{STREET_ADDRESS#2}}
Effective: {{?DATE}}
%% form/024
Visitor sign-in
Visitor: {{PERSON#1}}
Host: {{PERSON#2}}
ID checked: driver license {{US_DRIVER_LICENSE}}
Time in: {{?TIME}}
%% form/025
Newsletter preferences
Topics: product updates, events in {{?CITY}}
Frequency: monthly
Language: English
%% form/026
Online banking enrolment
Account number: {{BANK_ACCOUNT}}
Username: {{USERNAME}}
Security question answer set: yes
%% form/027
Membership form
Name: {{PERSON}}
Date of birth: {{DATE_OF_BIRTH}}
Website / portfolio: {{URL}}
Notes: {{CONTEXT}}
%% form/028
Shipping calculator
From: {{?COUNTRY}}  To: {{?COUNTRY}}
Weight: {{?QUANTITY}}
Estimate: {{?PRICE}} ({{?DURATION}})
%% form/029
Modulo di iscrizione
Nome e cognome: {{PERSON}}
Codice fiscale: {{NATIONAL_ID}}
Data di nascita: {{DATE_OF_BIRTH}}
Email: {{EMAIL_ADDRESS}}
%% form/030
Expense claim
Trip: {{?CITY}}, {{?DATE}}
Hotel: {{?HOTEL}} - {{?PRICE}}
Train: {{?COMPANY}} - {{?PRICE}}
Cost center: {{?DEPARTMENT}}
%% form/031
Traveler profile
Name as on passport: {{PERSON}}
Passport number: {{PASSPORT}}
Expiry: {{?DATE}}
Frequent flyer: {{?FLIGHT_NO}}
%% form/032
API access request
Requested scopes: read:orders, write:webhooks
Environment: {{?ENV}}
Callback host: {{?HOSTNAME}}
%% form/033
Two-factor setup
Phone for SMS codes: {{PHONE_NUMBER}}
Backup email: {{EMAIL_ADDRESS}}
Recovery code (store safely): {{SECRET}}
%% form/034
Survey
Q1: How did you hear about us? Search engine
Q2: Company size: {{?NUMBER}} employees
Q3: Budget: {{?PRICE}} per {{?MONTH}}
%% form/035
Pet registration
Owner: {{PERSON}}
Address: {{STREET_ADDRESS}}
Phone: {{PHONE_NUMBER}}
{{CONTEXT}}
%% form/036
Aanvraagformulier
Naam: {{PERSON}}
BSN: {{NATIONAL_ID}}
IBAN: {{IBAN_CODE}}
%% form/037
Booking enquiry
Arrival: {{?DATE}}  Departure: {{?DATE}}
Guests: {{?NUMBER}}
Room type: double
Comments: late check-in around {{?TIME}}
%% form/038
Vehicle registration
Owner: {{PERSON}}
Driver license no.: {{US_DRIVER_LICENSE}}
Address: {{STREET_ADDRESS}}
{{CONTEXT}}
%% form/039
Credit card application
Applicant: {{PERSON}}
SSN: {{US_SSN}}
Annual income: {{?PRICE}}
Employer: {{?COMPANY}}
Additional info: {{CONTEXT}}
%% form/040
Gift order
Recipient: {{PERSON}}
Delivery address: {{STREET_ADDRESS}}
Card message: {{CONTEXT}}
Paid with: {{CREDIT_CARD}}
%% form/041
Developer account
GitHub: {{URL}}
Username: {{USERNAME}}
Personal access token: {{SECRET}}
%% form/042
Wi-Fi guest access
Name: {{PERSON}}
Device IP: {{IP_ADDRESS}}
Password issued: {{PASSWORD}}
Valid until: {{?TIME}}
%% form/043
Order form
Item: {{?PRODUCT}} ({{?SKU}})
Qty: {{?QUANTITY}}
Deliver by: {{?DATE}}
Cost center: {{?DEPARTMENT}}
%% form/044
Maintenance request
Building: {{?ROOM}}
Issue: heating not working since {{?WEEKDAY}}
Priority: medium
%% form/045
Consent form
I, {{PERSON#1}}, agree to the processing of my data for the purposes described above.
Email for confirmation: {{EMAIL_ADDRESS}}
Signature: {{PERSON#1}}    Date: {{?DATE}}
%% form/046
Equipment request
Item: {{?PRODUCT}}
Brand: {{?COMPANY}}
PO number: {{?ORDER_ID}}
Requested by (team): {{?DEPARTMENT}}
%% form/047
Shipping label
Carrier: {{?COMPANY}}
Tracking: {{?TRACKING_NO}}
Contents: {{?PRODUCT}}
Weight: {{?NUMBER}} g
%% form/048
Patient registration
Name: {{PERSON}}
D.O.B.: {{DATE_OF_BIRTH}}
Phone: {{PHONE_NUMBER}}
National ID: {{NATIONAL_ID}}
%% form/049
Fiche d'inscription
Nom : {{PERSON}}
Naissance : {{DATE_OF_BIRTH}} ({{?CITY}})
Courriel : {{EMAIL_ADDRESS}}
Passeport n° {{PASSPORT}}
%% form/050
Account recovery
Account: {{EMAIL_ADDRESS}}
Username (if different): {{USERNAME}}
One-time code sent via SMS to: {{PHONE_NUMBER}}
Request id: {{?UUID}}
%% form/051
Direct deposit form
Employee: {{PERSON}}
Bank account number: {{BANK_ACCOUNT}}
IBAN (for EU payroll): {{IBAN_CODE}}
Effective: {{?DATE}}
"""
