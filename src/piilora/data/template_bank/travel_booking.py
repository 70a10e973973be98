# ruff: noqa: E501
"""Templates of genre ``travel_booking``: flight/hotel/train/car bookings, boarding passes, check-in."""

GENRE = "travel_booking"

RAW = r"""
%% travel_booking/001
Booking confirmed - ref {{?BOOKING_REF}}
Passenger: {{PERSON}}
Flight: {{?FLIGHT_NO}} {{?AIRPORT}} → {{?AIRPORT}}
Date: {{?DATE}}, departs {{?TIME}}
Seat: {{?SEAT}}
%% travel_booking/002
BOARDING PASS  {{?FLIGHT_NO}}  GATE {{?NUMBER}}  SEAT {{?SEAT}}  BOARDING {{?TIME}}  ZONE 2
%% travel_booking/003
Advance passenger information
Name: {{PERSON}}
Passport: {{PASSPORT}}
Nationality: {{?COUNTRY}}
Date of birth: {{DATE_OF_BIRTH}}
Passport expiry: {{?DATE}}
%% travel_booking/004
Your stay at {{?HOTEL}}, {{?CITY}}: check-in {{?DATE}} from {{?TIME}}, check-out {{?DATE}}. Total {{?PRICE}}.
%% travel_booking/005
Car rental {{?BOOKING_REF}}: main driver {{PERSON}}, driver license {{US_DRIVER_LICENSE}}, pick-up {{?AIRPORT}} {{?DATE}} {{?TIME}}. {{CONTEXT}}.
%% travel_booking/006
Train {{?COMPANY}} ICE {{?NUMBER}}, {{?CITY}} → {{?CITY}}, coach {{?NUMBER}}, seat {{?NUMBER}}. Ticket price {{?PRICE}}.
%% travel_booking/007
Guest: {{PERSON}}
Email: {{EMAIL_ADDRESS}}
Phone: {{PHONE_NUMBER}}
Special request: {{CONTEXT}}
%% travel_booking/008
Flight {{?FLIGHT_NO}} has been rescheduled. New departure {{?DATE}} {{?TIME}}. No action needed if the new time suits you.
%% travel_booking/009
ESTA / visa check
Traveler: {{PERSON}}
Passport number: {{PASSPORT}}
Status: approved, valid until {{?DATE}}
%% travel_booking/010
Payment: {{?PRICE}} charged to card {{CREDIT_CARD}} for booking {{?BOOKING_REF}}.
%% travel_booking/011
Baggage: 1 x 23 kg checked, 1 x 8 kg cabin. Extra bag {{?PRICE}}.
%% travel_booking/012
Itinerary for {{PERSON#1}} and {{PERSON#2}}
{{?DATE}} {{?FLIGHT_NO}} {{?AIRPORT}}-{{?AIRPORT}}
{{?DATE}} {{?HOTEL}}, {{?NUMBER}} nights
{{?DATE}} {{?FLIGHT_NO}} {{?AIRPORT}}-{{?AIRPORT}}
%% travel_booking/013
Réservation {{?BOOKING_REF}} - {{PERSON}}, {{?NUMBER}} nuits à {{?HOTEL}}, arrivée le {{?DATE}}. {{CONTEXT}}.
%% travel_booking/014
Online check-in opens {{?DURATION}} before departure. Have your passport ready.
%% travel_booking/015
Frequent flyer account {{USERNAME}} credited with {{?NUMBER}} miles for {{?FLIGHT_NO}}.
%% travel_booking/016
Hotel registration card
Guest name: {{PERSON}}
Home address: {{STREET_ADDRESS}}
ID / passport no.: {{PASSPORT}}
Vehicle: none
%% travel_booking/017
Trip cancelled: refund of {{?PRICE}} to original payment within {{?DURATION}}. Case {{?CASE_NO}}.
%% travel_booking/018
Reserva confirmada: {{PERSON}}, DNI {{NATIONAL_ID}}, tren {{?COMPANY}} {{?DATE}} {{?TIME}}, plaza {{?SEAT}}.
%% travel_booking/019
Upgrade available on {{?FLIGHT_NO}}: Business for {{?PRICE}}. Offer ends {{?DATE}}.
%% travel_booking/020
Emergency contact for trip {{?BOOKING_REF}}: {{PERSON}}, {{PHONE_NUMBER}}.
%% travel_booking/021
Airport transfer booked: pick-up {{?TIME}} at {{?AIRPORT}} arrivals, driver will hold a sign with the booking ref {{?BOOKING_REF}}.
%% travel_booking/022
TSA PreCheck: known traveler {{PERSON}}, DOB {{DATE_OF_BIRTH}}, driver license {{US_DRIVER_LICENSE}} on profile.
%% travel_booking/023
Your e-ticket {{?BOOKING_REF}} is attached. Fare {{?PRICE}}, taxes {{?PRICE}}.
%% travel_booking/024
Corporate travel request: {{PERSON}} ({{?DEPARTMENT}}) to {{?CITY}}, {{?DATE}}-{{?DATE}}, budget {{?PRICE}}. {{CONTEXT}}.
%% travel_booking/025
Lounge access {{?AIRPORT}} terminal 2, {{?TIME}} - {{?TIME}}, valid for {{?NUMBER}} guests.
%% travel_booking/026
Prenotazione {{?BOOKING_REF}}: {{PERSON}}, passaporto {{PASSPORT}}, volo {{?FLIGHT_NO}} il {{?DATE}}.
%% travel_booking/027
Ferry {{?DATE}} {{?TIME}}, vehicle + 2 adults, cabin {{?ROOM}}. Price {{?PRICE}}.
%% travel_booking/028
Loyalty login: {{USERNAME}} / {{PASSWORD}} (set by travel desk, please change). {{CONTEXT}}.
%% travel_booking/029
Delay compensation claim for {{?FLIGHT_NO}} on {{?DATE}}: {{?PRICE}} per passenger. Pay out to IBAN {{IBAN_CODE}}.
%% travel_booking/030
Weather at destination ({{?CITY}}): sunny, {{?NUMBER}} °C. Enjoy your trip!
%% travel_booking/031
Visa application: {{PERSON}}, passport {{PASSPORT}}, national ID {{NATIONAL_ID}}, address {{STREET_ADDRESS}}, DOB {{DATE_OF_BIRTH}}.
%% travel_booking/032
Seat map changed on {{?FLIGHT_NO}}; your new seat is {{?SEAT}}.
%% travel_booking/033
Boeking {{?BOOKING_REF}} voor {{PERSON}} bevestigd. Vertrek {{?DATE}} om {{?TIME}} vanaf {{?AIRPORT}}.
%% travel_booking/034
Rental return: {{?DATE}} {{?TIME}}, fuel full, mileage {{?NUMBER}} km. Damage: none.
%% travel_booking/035
Travel insurance policy {{?HEX_ID}} - insured: {{PERSON}} (DOB {{DATE_OF_BIRTH}}), trip {{?DATE}}-{{?DATE}}, premium {{?PRICE}}.
%% travel_booking/036
Passenger note: {{CONTEXT}}. Booking {{?BOOKING_REF}}.
%% travel_booking/037
Car hire extra driver: {{PERSON}}, license {{US_DRIVER_LICENSE}}, DOB {{DATE_OF_BIRTH}}. Deposit on card {{CREDIT_CARD}}.
%% travel_booking/038
Hotel message to guest {{PERSON}}: {{CONTEXT}}. Your room {{?ROOM}} is ready.
%% travel_booking/039
Traveler profile updated: SSN {{US_SSN}} removed (not required), passport {{PASSPORT}} added.
%% travel_booking/040
Hotel Wi-Fi: network guest, password {{PASSWORD}}. Enjoy your stay, {{PERSON}}!
%% travel_booking/041
Booking made from {{IP_ADDRESS}} with account {{USERNAME}}; fraud score {{?PERCENT}}. {{CONTEXT}}.
%% travel_booking/042
Dear {{PERSON#1}},
your booking {{?BOOKING_REF}} is confirmed. Passenger: {{PERSON#1}}, passport {{PASSPORT#1}}. Please make sure passport {{PASSPORT#1}} is valid for six months after travel. {{CONTEXT}}.
"""
