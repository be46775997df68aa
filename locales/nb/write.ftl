# Writing the output folder.

write-cannot-read = kan ikke lese { $path }: { $reason }
write-outside = nekter å skrive utenfor mappen det bygges til: { $path }
write-cannot-create = kan ikke lage { $path }: { $reason }
write-cannot-move-aside = kan ikke flytte den gamle { $path } til side: { $reason }
write-cannot-swap = kan ikke sette det nye resultatet på plass i { $path }: { $reason }
write-cannot-keep = kan ikke flytte den uendrede { $path } over i det nye resultatet: { $reason }
write-cannot-write = kan ikke skrive { $path }: { $reason }
write-cannot-copy = kan ikke kopiere { $from } til { $to }: { $reason }
write-unsafe-output = nekter å bygge til { $path }
write-unsafe-output-help = velg en egen mappe å bygge til, for eksempel `--out public`; den blir erstattet ved hvert bygg
