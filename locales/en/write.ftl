# Writing the output folder.

write-cannot-read = cannot read { $path }: { $reason }
write-outside = refusing to write outside the output folder: { $path }
write-cannot-create = cannot create { $path }: { $reason }
write-cannot-move-aside = cannot move the old { $path } aside: { $reason }
write-cannot-swap = cannot put the new output in place at { $path }: { $reason }
write-cannot-keep = cannot move the unchanged { $path } into the new output: { $reason }
write-cannot-write = cannot write { $path }: { $reason }
write-cannot-copy = cannot copy { $from } to { $to }: { $reason }
write-unsafe-output = refusing to build into { $path }
write-unsafe-output-help = choose a separate output folder such as `--out public`; it is replaced on every build
