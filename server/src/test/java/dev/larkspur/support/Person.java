package dev.larkspur.support;

import java.util.Arrays;
import java.util.List;

/** A person of a test tenant ({@link Org}), with the ids the tenant's main bot knows them by. */
public record Person(String userId, String name, String email, String openId, String unionId) {

    public static String[] openIds(Person... people) {
        return Arrays.stream(people).map(Person::openId).toArray(String[]::new);
    }

    public static String[] openIds(List<Person> people) {
        return people.stream().map(Person::openId).toArray(String[]::new);
    }
}
