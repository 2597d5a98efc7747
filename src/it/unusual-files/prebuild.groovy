// Writes the files git should not hold: one per name of names.json (its content is its name), and
// a 2 GiB sparse file whose last 16 bytes mark its end.
import groovy.json.JsonSlurper

def names = new JsonSlurper().parse(new File(basedir, 'names.json'), 'UTF-8')
def files = new File(basedir, 'files')
files.mkdirs()
names.each { new File(files, it).setText(it, 'UTF-8') }

def big = new File(basedir, 'data/big.bin')
big.parentFile.mkdirs()
new RandomAccessFile(big, 'rw').withCloseable { file ->
  file.setLength(2L << 30)
  file.seek(file.length() - 16)
  file.write('end-of-big-file\n'.getBytes('UTF-8'))
}
return true
