"""Templates of genre ``csv_record``: a header line plus 1-4 rows.

Slots are left unquoted: the corpus generator CSV-quotes a value that contains a
delimiter, quote or newline. ``{{CONTEXT}}`` is not used here (its phrase is
inserted unescaped).
"""

GENRE = "csv_record"

RAW = r"""
%% csv_record/001
name,email,phone
{{PERSON}},{{EMAIL_ADDRESS}},{{PHONE_NUMBER}}
%% csv_record/002
order_id,date,sku,qty,total
{{?ORDER_ID}},{{?DATE}},{{?SKU}},{{?NUMBER}},{{?PRICE}}
{{?ORDER_ID}},{{?DATE}},{{?SKU}},{{?NUMBER}},{{?PRICE}}
%% csv_record/003
id;vorname_nachname;iban;betrag
{{?NUMBER}};{{PERSON#1}};{{IBAN_CODE#1}};{{?AMOUNT}}
{{?NUMBER}};{{PERSON#2}};{{IBAN_CODE#2}};{{?AMOUNT}}
%% csv_record/004
timestamp,level,service,message
{{?TIMESTAMP}},ERROR,{{?MODULE}},{{?ERROR_CODE}}
{{?TIMESTAMP}},INFO,{{?MODULE}},retry ok
%% csv_record/005
employee_id,full_name,dob,ssn,department
{{?NUMBER}},{{PERSON}},{{DATE_OF_BIRTH}},{{US_SSN}},{{?DEPARTMENT}}
%% csv_record/006
ip,first_seen,hits,country
{{IP_ADDRESS#1}},{{?DATE}},{{?NUMBER}},{{?COUNTRY}}
{{IP_ADDRESS#2}},{{?DATE}},{{?NUMBER}},{{?COUNTRY}}
{{IP_ADDRESS#3}},{{?DATE}},{{?NUMBER}},{{?COUNTRY}}
%% csv_record/007
sku|product|price|stock
{{?SKU}}|{{?PRODUCT}}|{{?PRICE}}|{{?NUMBER}}
{{?SKU}}|{{?PRODUCT}}|{{?PRICE}}|{{?NUMBER}}
{{?SKU}}|{{?PRODUCT}}|{{?PRICE}}|{{?NUMBER}}
%% csv_record/008
username,email,last_login,plan
{{USERNAME#1}},{{EMAIL_ADDRESS#1}},{{?TIMESTAMP}},{{?PLAN}}
{{USERNAME#2}},{{EMAIL_ADDRESS#2}},{{?TIMESTAMP}},{{?PLAN}}
%% csv_record/009
date,description,amount,balance
{{?DATE}},{{?MERCHANT}},{{?AMOUNT}},{{?AMOUNT}}
{{?DATE}},{{?MERCHANT}},{{?AMOUNT}},{{?AMOUNT}}
{{?DATE}},{{?MERCHANT}},{{?AMOUNT}},{{?AMOUNT}}
%% csv_record/010
customer,address,city,country
{{PERSON}},{{STREET_ADDRESS}},{{?CITY}},{{?COUNTRY}}
%% csv_record/011
invoice_no,issue_date,due_date,amount,status
{{?INVOICE_NO}},{{?DATE}},{{?DATE}},{{?PRICE}},{{?STATUS}}
{{?INVOICE_NO}},{{?DATE}},{{?DATE}},{{?PRICE}},{{?STATUS}}
%% csv_record/012
card_holder,card_number,amount,auth_code
{{PERSON}},{{CREDIT_CARD}},{{?AMOUNT}},{{?HEX_ID}}
%% csv_record/013
"Name","Passport No","Nationality","Flight"
{{PERSON#1}},{{PASSPORT#1}},{{?COUNTRY}},{{?FLIGHT_NO}}
{{PERSON#2}},{{PASSPORT#2}},{{?COUNTRY}},{{?FLIGHT_NO}}
%% csv_record/014
ticket,opened,priority,team,status
{{?TICKET_ID}},{{?DATE}},P{{?NUMBER}},{{?DEPARTMENT}},{{?STATUS}}
{{?TICKET_ID}},{{?DATE}},P{{?NUMBER}},{{?DEPARTMENT}},{{?STATUS}}
%% csv_record/015
host,user,password,port
{{?HOSTNAME}},{{USERNAME}},{{PASSWORD}},{{?PORT}}
%% csv_record/016
region	requests	error_rate	p95
{{?REGION}}	{{?NUMBER}}	{{?PERCENT}}	{{?DURATION}}
{{?REGION}}	{{?NUMBER}}	{{?PERCENT}}	{{?DURATION}}
%% csv_record/017
key_name,key_value,created_by
stripe_live,{{SECRET#1}},{{USERNAME}}
sendgrid,{{SECRET#2}},{{USERNAME}}
%% csv_record/018
patient,dob,mrn_visit,icd10
{{PERSON}},{{DATE_OF_BIRTH}},{{?NUMBER}},{{?ICD_CODE}}
%% csv_record/019
date,flight,from,to,seat
{{?DATE}},{{?FLIGHT_NO}},{{?AIRPORT}},{{?AIRPORT}},{{?SEAT}}
{{?DATE}},{{?FLIGHT_NO}},{{?AIRPORT}},{{?AIRPORT}},{{?SEAT}}
%% csv_record/020
id;nom_complet;téléphone;email
{{?NUMBER}};{{PERSON}};{{PHONE_NUMBER}};{{EMAIL_ADDRESS}}
%% csv_record/021
account_no,holder,bank,opened
{{BANK_ACCOUNT#1}},{{PERSON#1}},{{?COMPANY}},{{?DATE}}
{{BANK_ACCOUNT#2}},{{PERSON#2}},{{?COMPANY}},{{?DATE}}
%% csv_record/022
commit,author_login,date,files_changed
{{?HEX_ID}},{{USERNAME#1}},{{?DATE}},{{?NUMBER}}
{{?HEX_ID}},{{USERNAME#2}},{{?DATE}},{{?NUMBER}}
{{?HEX_ID}},{{USERNAME#1}},{{?DATE}},{{?NUMBER}}
%% csv_record/023
month,revenue,churn,new_customers
{{?MONTH}},{{?PRICE}},{{?PERCENT}},{{?NUMBER}}
{{?MONTH}},{{?PRICE}},{{?PERCENT}},{{?NUMBER}}
{{?MONTH}},{{?PRICE}},{{?PERCENT}},{{?NUMBER}}
%% csv_record/024
driver_name,license_number,state,expires
{{PERSON}},{{US_DRIVER_LICENSE}},TX,{{?DATE}}
%% csv_record/025
citizen_id,name,address
{{NATIONAL_ID}},{{PERSON}},{{STREET_ADDRESS}}
%% csv_record/026
shipment,carrier,status,updated
{{?TRACKING_NO}},{{?COMPANY}},{{?STATUS}},{{?TIMESTAMP}}
{{?TRACKING_NO}},{{?COMPANY}},{{?STATUS}},{{?TIMESTAMP}}
%% csv_record/027
member,profile_url,joined
{{USERNAME}},{{URL}},{{?DATE}}
%% csv_record/028
method,path,status,count
{{?HTTP_METHOD}},{{?PATH}},{{?HTTP_STATUS}},{{?NUMBER}}
{{?HTTP_METHOD}},{{?PATH}},{{?HTTP_STATUS}},{{?NUMBER}}
{{?HTTP_METHOD}},{{?PATH}},{{?HTTP_STATUS}},{{?NUMBER}}
{{?HTTP_METHOD}},{{?PATH}},{{?HTTP_STATUS}},{{?NUMBER}}
%% csv_record/029
Kundennummer;Name;Geburtsdatum;Telefon
{{?NUMBER}};{{PERSON}};{{DATE_OF_BIRTH}};{{PHONE_NUMBER}}
%% csv_record/030
room,date,start,end,booked_by_team
{{?ROOM}},{{?DATE}},{{?TIME}},{{?TIME}},{{?DEPARTMENT}}
%% csv_record/031
src_ip,dst_host,dst_port,action
{{IP_ADDRESS}},{{?HOSTNAME}},{{?PORT}},DENY
{{IP_ADDRESS}},{{?HOSTNAME}},{{?PORT}},ALLOW
%% csv_record/032
name,tax_id,email,amount_due
{{PERSON}},{{NATIONAL_ID}},{{EMAIL_ADDRESS}},{{?PRICE}}
%% csv_record/033
package,version,license
requests,{{?VERSION}},Apache-2.0
numpy,{{?VERSION}},BSD-3-Clause
%% csv_record/034
vendor,contact_email,payment_iban
{{?COMPANY}},{{EMAIL_ADDRESS}},{{IBAN_CODE}}
%% csv_record/035
id,ssn,first_last,zip_verified
{{?NUMBER}},{{US_SSN}},{{PERSON}},yes
{{?NUMBER}},{{US_SSN}},{{PERSON}},no
%% csv_record/036
medication,dose,route,start_date
{{?MEDICATION}},{{?DOSAGE}},oral,{{?DATE}}
{{?MEDICATION}},{{?DOSAGE}},oral,{{?DATE}}
%% csv_record/037
txn_id,card_number,merchant,amount
{{?HEX_ID}},{{CREDIT_CARD#1}},{{?MERCHANT}},{{?AMOUNT}}
{{?HEX_ID}},{{CREDIT_CARD#1}},{{?MERCHANT}},{{?AMOUNT}}
{{?HEX_ID}},{{CREDIT_CARD#2}},{{?MERCHANT}},{{?AMOUNT}}
%% csv_record/038
employee,dl_number,dl_state,vehicle
{{PERSON#1}},{{US_DRIVER_LICENSE#1}},CA,{{?SKU}}
{{PERSON#2}},{{US_DRIVER_LICENSE#2}},WA,{{?SKU}}
%% csv_record/039
name,passport,national_id,dob
{{PERSON}},{{PASSPORT}},{{NATIONAL_ID}},{{DATE_OF_BIRTH}}
%% csv_record/040
user,password,last_ip
{{USERNAME#1}},{{PASSWORD#1}},{{IP_ADDRESS#1}}
{{USERNAME#2}},{{PASSWORD#2}},{{IP_ADDRESS#2}}
%% csv_record/041
name,website,secret_token
{{PERSON}},{{URL}},{{SECRET}}
%% csv_record/042
brand,product,category,price
{{?COMPANY}},{{?PRODUCT}},electronics,{{?PRICE}}
{{?COMPANY}},{{?PRODUCT}},home,{{?PRICE}}
{{?COMPANY}},{{?PRODUCT}},outdoor,{{?PRICE}}
%% csv_record/043
job_id,trace_id,host,status,duration
{{?UUID}},{{?HEX_ID}},{{?HOSTNAME}},{{?HTTP_STATUS}},{{?DURATION}}
{{?UUID}},{{?HEX_ID}},{{?HOSTNAME}},{{?HTTP_STATUS}},{{?DURATION}}
%% csv_record/044
service,key,created_by,created_at
{{?COMPANY}},{{SECRET#1}},{{USERNAME#1}},{{?DATE}}
{{?COMPANY}},{{SECRET#2}},{{USERNAME#2}},{{?DATE}}
%% csv_record/045
full_name,national_id,employer,city
{{PERSON#1}},{{NATIONAL_ID#1}},{{?COMPANY}},{{?CITY}}
{{PERSON#2}},{{NATIONAL_ID#2}},{{?COMPANY}},{{?CITY}}
%% csv_record/046
supplier,po_number,iban,account_no,amount
{{?COMPANY}},{{?ORDER_ID}},{{IBAN_CODE}},{{BANK_ACCOUNT}},{{?AMOUNT}}
%% csv_record/047
login,email,temp_password,phone
{{USERNAME}},{{EMAIL_ADDRESS}},{{PASSWORD}},{{PHONE_NUMBER}}
%% csv_record/048
po_number,vendor,item,qty,unit_price
{{?ORDER_ID}},{{?COMPANY}},{{?PRODUCT}},{{?QUANTITY}},{{?PRICE}}
{{?ORDER_ID}},{{?COMPANY}},{{?PRODUCT}},{{?QUANTITY}},{{?PRICE}}
"""
