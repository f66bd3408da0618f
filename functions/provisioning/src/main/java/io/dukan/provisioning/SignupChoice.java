package io.dukan.provisioning;

/** A choice in one of the signup form's selects: the code sent and the words shown (a country, a currency). */
public record SignupChoice(String code, String name) {}
