# Kva innstillingane tyder for resultatet (check/settings.rs): adressene på trykksakene.

print-address = QR-kodane og adressene på plakatane og brosjyrane til { $kommune } fører til { $address }, som { $problem }: dei vil ikkje verke for lesarane
print-address-help = skriv https-adressa der rettleiaren blir publisert, i `base_url:` i kommune.yaml (eller i veiviser.yaml for heile nettstaden), t.d. https://www.fjordvik.kommune.no/bti/, eller bygg med --base-url
print-address-this-computer = er adressa til denne datamaskina
print-address-reserved = er eit domene som er sett av til døme og testar
print-address-not-https = ikkje er https, så telefonar åtvarar mot ho eller nektar å opne ho
