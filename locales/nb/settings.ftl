# Hva innstillingene betyr for resultatet (check/settings.rs): adressene på trykksakene.

print-address = QR-kodene og adressene på plakatene og brosjyrene til { $kommune } fører til { $address }, som { $problem }: de vil ikke virke for leserne
print-address-help = skriv https-adressen der veilederen blir publisert i `base_url:` i kommune.yaml (eller i veiviser.yaml for hele nettstedet), f.eks. https://www.fjordvik.kommune.no/bti/, eller bygg med --base-url
print-address-this-computer = er adressen til denne datamaskinen
print-address-reserved = er et domene som er satt av til eksempler og tester
print-address-not-https = ikke er https, så telefoner advarer mot den eller nekter å åpne den
