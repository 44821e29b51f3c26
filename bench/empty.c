/* The baseline of the start-up benchmark: a program that only returns 0. */
int main(void) { return 0; }
