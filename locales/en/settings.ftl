# What the settings mean for the output (check/settings.rs): print addresses.

print-address = the QR codes and addresses on { $kommune }'s posters and brochures lead to { $address }, which { $problem }: they will not work for readers
print-address-help = set `base_url:` in kommune.yaml (or in veiviser.yaml for the whole site) to the https address where the guide is published, e.g. https://www.fjordvik.kommune.no/bti/, or build with --base-url
print-address-this-computer = is this computer's own address
print-address-reserved = is a domain reserved for examples and tests
print-address-not-https = is not https, so phones warn about it or refuse it
