# Skriving av mappa det blir bygt til.

write-cannot-read = kan ikkje lese { $path }: { $reason }
write-outside = nektar å skrive utanfor mappa det blir bygt til: { $path }
write-cannot-create = kan ikkje lage { $path }: { $reason }
write-cannot-move-aside = kan ikkje flytte den gamle { $path } til side: { $reason }
write-cannot-swap = kan ikkje setje det nye resultatet på plass i { $path }: { $reason }
write-cannot-keep = kan ikkje flytte den uendra { $path } over i det nye resultatet: { $reason }
write-cannot-write = kan ikkje skrive { $path }: { $reason }
write-cannot-copy = kan ikkje kopiere { $from } til { $to }: { $reason }
write-unsafe-output = nektar å byggje til { $path }
write-unsafe-output-help = vel ei eiga mappe å byggje til, til dømes `--out public`; ho blir erstatta ved kvart bygg
